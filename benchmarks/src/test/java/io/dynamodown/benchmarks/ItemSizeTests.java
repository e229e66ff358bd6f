package io.dynamodown.benchmarks;

import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ItemSize}.
 */
class ItemSizeTests {

	@Test
	void countsAttributeNamesAndValues() {
		Map<String, AttributeValue> item = Map.of("hkey", AttributeValue.fromS("dd-0"), "rkey",
				AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10])), "value",
				AttributeValue.fromB(SdkBytes.fromByteArray(new byte[200])));
		assertThat(ItemSize.of(item)).isEqualTo(4 + 4 + 4 + 10 + 5 + 200);
	}

	@Test
	void countsStringsInUtf8Bytes() {
		assertThat(ItemSize.of(Map.of("s", AttributeValue.fromS("é€")))).isEqualTo(1 + 2 + 3);
	}

	@Test
	void countsNumbersBySignificantDigitsTwoToAByte() {
		assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("1764000000")))).isEqualTo(1 + 3);
		assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("123")))).isEqualTo(1 + 3);
		assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("1234")))).isEqualTo(1 + 3);
	}

	@Test
	void countsBooleansAndNullsAsOneByte() {
		assertThat(ItemSize.of(Map.of("b", AttributeValue.fromBool(true), "z", AttributeValue.fromNul(true))))
			.isEqualTo(1 + 1 + 1 + 1);
	}

	@Test
	void refusesTypesItDoesNotSize() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ItemSize.of(Map.of("l", AttributeValue.fromSs(java.util.List.of("a")))))
			.withMessageContaining("'l'")
			.withMessageContaining("SS");
	}

}
