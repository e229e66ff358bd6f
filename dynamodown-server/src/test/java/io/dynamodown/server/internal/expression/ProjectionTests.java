package io.dynamodown.server.internal.expression;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.dynamodown.server.internal.model.AttributeValue;

import static io.dynamodown.server.internal.expression.Requests.assertInvalid;
import static io.dynamodown.server.internal.expression.Requests.assertInvalidStartingWith;
import static io.dynamodown.server.internal.expression.Requests.item;
import static io.dynamodown.server.internal.expression.Requests.json;
import static io.dynamodown.server.internal.expression.Requests.l;
import static io.dynamodown.server.internal.expression.Requests.m;
import static io.dynamodown.server.internal.expression.Requests.n;
import static io.dynamodown.server.internal.expression.Requests.s;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projection expressions and {@code AttributesToGet}: their errors and what they return.
 */
class ProjectionTests {

	private static final Map<String, AttributeValue> ITEM = item("a", s("1"), "b", n("2"), "c",
			m("d", s("3"), "e", l(s("x"), s("y"), m("f", s("z"), "g", s("w")))), "h",
			l(n("0"), n("1"), n("2"), n("3")));

	private static Projection projection(Map<String, Object> request) {
		Projection projection = Expressions.parse(request).projection();
		assertThat(projection).isNotNull();
		return projection;
	}

	@Test
	void emptyExpression() {
		assertInvalid(json("ProjectionExpression", ""),
				"Invalid ProjectionExpression: The expression can not be empty;");
	}

	@ParameterizedTest
	@ValueSource(strings = { "whatever(stuff)", ":a", "abort,", "a,,b", "a..b", "a[b]", "(a.b).c", "(a)", "(a),(b)",
			"(a,b)", "a-b", "a b", "a[1" })
	void syntaxErrors(String expression) {
		assertInvalidStartingWith(json("ProjectionExpression", expression),
				"Invalid ProjectionExpression: Syntax error; token: ");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "a.abORt|abORt", "a,ABSoLUTE|ABSoLUTE" })
	void reservedWords(String expression, String word) {
		assertInvalid(json("ProjectionExpression", expression),
				"Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: " + word);
	}

	@Test
	void undefinedName() {
		assertInvalid(json("ProjectionExpression", "a,b,a,#a"),
				"Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #a");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "b[1], b.a, #a.b, a|[a, b]|[a]", "a, #a[1]|[a]|[a, [1]]", "a,b,a|[a]|[a]" })
	void overlappingPaths(String expression, String one, String two) {
		assertInvalid(json("ProjectionExpression", expression, "ExpressionAttributeNames", json("#a", "a")),
				"Invalid ProjectionExpression: Two document paths overlap with each other; "
						+ "must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "a.b, #a[1], #b|[a, b]|[a, [1]]", "a.b[1], #a[1], #b|[a, b, [1]]|[a, [1]]",
			"a[3].b, #a.#b.b|[a, [3], b]|[a, [3], b]" })
	void conflictingPaths(String expression, String one, String two) {
		assertInvalid(
				json("ProjectionExpression", expression, "ExpressionAttributeNames", json("#a", "a", "#b", "[3]")),
				"Invalid ProjectionExpression: Two document paths conflict with each other; "
						+ "must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
	}

	@Test
	void unusedNames() {
		assertInvalid(json("ProjectionExpression", "a,b", "ExpressionAttributeNames", json("#a", "a", "#b", "b")),
				"Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}");
	}

	@Test
	void topLevelAttributes() {
		Map<String, AttributeValue> projected = projection(
				json("ProjectionExpression", "b, #a, gone", "ExpressionAttributeNames", json("#a", "a")))
			.apply(ITEM);
		assertThat(projected).isEqualTo(item("b", n("2"), "a", s("1")));
		assertThat(List.copyOf(projected.keySet())).containsExactly("b", "a");
	}

	@Test
	void nestedPaths() {
		Projection projection = projection(
				json("ProjectionExpression", "c.e[2].f, c.d, c.e[0], h[3], h[1], c.e[9], c.x.y"));
		assertThat(projection.apply(ITEM))
			.isEqualTo(item("c", m("e", l(s("x"), m("f", s("z"))), "d", s("3")), "h", l(n("1"), n("3"))));
		assertThat(projection.topLevelAttributes()).containsExactly("c", "h");
		assertThat(projection.nestedTopLevelAttributes()).containsExactly("c", "h");
	}

	@Test
	void pathsThroughTheWrongTypeAreLeftOut() {
		assertThat(projection(json("ProjectionExpression", "a.b, b[0], h.x")).apply(ITEM)).isEmpty();
	}

	@Test
	void attributesToGet() {
		Projection projection = projection(json("AttributesToGet", List.of("a", "c.d", "h")));
		assertThat(projection.apply(ITEM)).isEqualTo(item("a", s("1"), "h", ITEM.get("h").toJson()));
		assertThat(projection.nestedTopLevelAttributes()).isEmpty();
	}

	@Test
	void duplicateAttributesToGet() {
		assertInvalid(json("AttributesToGet", List.of("a", "a")),
				"One or more parameter values were invalid: Duplicate value in attribute name: a");
	}

}
