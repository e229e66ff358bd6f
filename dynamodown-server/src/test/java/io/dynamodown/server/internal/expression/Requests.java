package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Builds request bodies and attribute values in their JSON form for the tests.
 */
final class Requests {

	private Requests() {
	}

	/** A JSON object from alternating keys and values. */
	static Map<String, Object> json(Object... keysAndValues) {
		Map<String, Object> json = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			json.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return json;
	}

	static Map<String, Object> s(String value) {
		return json("S", value);
	}

	static Map<String, Object> n(String value) {
		return json("N", value);
	}

	static Map<String, Object> b(String base64) {
		return json("B", base64);
	}

	static Map<String, Object> bool(boolean value) {
		return json("BOOL", value);
	}

	static Map<String, Object> nul() {
		return json("NULL", true);
	}

	static Map<String, Object> ss(String... values) {
		return json("SS", new ArrayList<>(List.of(values)));
	}

	static Map<String, Object> ns(String... values) {
		return json("NS", new ArrayList<>(List.of(values)));
	}

	static Map<String, Object> bs(String... values) {
		return json("BS", new ArrayList<>(List.of(values)));
	}

	static Map<String, Object> l(Object... values) {
		return json("L", new ArrayList<>(List.of(values)));
	}

	static Map<String, Object> m(Object... keysAndValues) {
		return json("M", json(keysAndValues));
	}

	/** An item from alternating names and JSON attribute values. */
	static Map<String, AttributeValue> item(Object... namesAndValues) {
		return AttributeValue.mapFromJson(json(namesAndValues));
	}

	static AttributeValue value(Map<String, Object> json) {
		return AttributeValue.fromJson(json);
	}

	static void assertInvalid(Map<String, Object> request, String message) {
		assertThatExceptionOfType(DynamoDbError.class).isThrownBy(() -> Expressions.parse(request))
			.satisfies((error) -> {
				org.assertj.core.api.Assertions.assertThat(error.type()).isEqualTo("ValidationException");
				org.assertj.core.api.Assertions.assertThat(error.getMessage()).isEqualTo(message);
			});
	}

	static void assertInvalidStartingWith(Map<String, Object> request, String prefix) {
		assertThatExceptionOfType(DynamoDbError.class).isThrownBy(() -> Expressions.parse(request))
			.withMessageStartingWith(prefix);
	}

}
