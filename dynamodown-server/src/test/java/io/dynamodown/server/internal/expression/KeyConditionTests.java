package io.dynamodown.server.internal.expression;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.AttributeValue.Type;

import static io.dynamodown.server.internal.expression.Requests.assertInvalid;
import static io.dynamodown.server.internal.expression.Requests.assertInvalidStartingWith;
import static io.dynamodown.server.internal.expression.Requests.b;
import static io.dynamodown.server.internal.expression.Requests.bool;
import static io.dynamodown.server.internal.expression.Requests.json;
import static io.dynamodown.server.internal.expression.Requests.n;
import static io.dynamodown.server.internal.expression.Requests.s;
import static io.dynamodown.server.internal.expression.Requests.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Key condition expressions and {@code KeyConditions}: their checks and the query plans
 * they make.
 */
class KeyConditionTests {

	private static KeyCondition keyCondition(String expression, Object... values) {
		Map<String, Object> request = json("KeyConditionExpression", expression);
		if (values.length > 0) {
			request.put("ExpressionAttributeValues", json(values));
		}
		KeyCondition condition = Expressions.parse(request).keyCondition();
		assertThat(condition).isNotNull();
		return condition;
	}

	private static void assertPlanError(KeyCondition condition, String rangeName, String message) {
		assertThatExceptionOfType(DynamoDbError.class)
			.isThrownBy(() -> condition.plan("a", Type.S, rangeName, (rangeName != null) ? Type.N : null))
			.withMessage(message);
	}

	@ParameterizedTest
	@ValueSource(strings = { "things are not gonna be ok", "a > 4", "(size(a))[0] > a" })
	void syntaxErrors(String expression) {
		assertInvalidStartingWith(json("KeyConditionExpression", expression),
				"Invalid KeyConditionExpression: Syntax error; ");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "a > b and size(b) > c or a > c|OR", "a in (b, size(c), d)|IN",
					"attribute_exists(a)|attribute_exists", "attribute_not_exists(a)|attribute_not_exists",
					"contains(a.d, b)|contains", "not a > b|NOT", "a <> b|<>" })
	void invalidOperators(String expression, String operator) {
		assertInvalid(json("KeyConditionExpression", expression),
				"Invalid operator used in KeyConditionExpression: " + operator);
	}

	@Test
	void attributeType() {
		assertInvalid(json("KeyConditionExpression", "attribute_type(a, :a)", "ExpressionAttributeValues",
				json(":a", s("S"))), "Invalid operator used in KeyConditionExpression: attribute_type");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { ":a between size(b) and size(a) and b > :b|BETWEEN",
			"begins_with(:a, b) and a > :b|begins_with" })
	void keyNotFirst(String expression, String operator) {
		assertInvalid(
				json("KeyConditionExpression", expression, "ExpressionAttributeValues",
						json(":a", s("1"), ":b", s("1"))),
				"Invalid condition in KeyConditionExpression: " + operator
						+ " operator must have the key attribute as its first operand");
	}

	@ParameterizedTest
	@ValueSource(strings = { "size(b) > a AND a.b > b AND b > c", "a > size(b.d)", "a between size(b) and size(a)" })
	void nestedOperations(String expression) {
		assertInvalid(json("KeyConditionExpression", expression),
				"KeyConditionExpressions cannot contain nested operations");
	}

	@ParameterizedTest
	@ValueSource(strings = { "b > a.b", "b between c[1] and d", "a between b and size(a)", "begins_with(a, b)" })
	void multipleAttributes(String expression) {
		assertInvalid(json("KeyConditionExpression", expression),
				"Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
	}

	@ParameterizedTest
	@ValueSource(strings = { "b.d > a AND c.d > e.f", "a.d > c", "b[0] > a" })
	void nestedAttributes(String expression) {
		assertInvalid(json("KeyConditionExpression", expression),
				"KeyConditionExpressions cannot have conditions on nested attributes");
	}

	@ParameterizedTest
	@ValueSource(strings = { ":b > :a AND a < :b", ":a > b AND :a < :b" })
	void noKeyAttribute(String expression) {
		assertInvalid(
				json("KeyConditionExpression", expression, "ExpressionAttributeValues",
						json(":a", n("1"), ":b", n("1"))),
				"Invalid condition in KeyConditionExpression: No key attribute specified");
	}

	@ParameterizedTest
	@ValueSource(strings = { "b > :a AND b < :a and c = :a and d = :a", "(a > :a and b > :a) and (b > :a and c > :a)" })
	void twoConditionsOnOneKey(String expression) {
		assertInvalid(json("KeyConditionExpression", expression, "ExpressionAttributeValues", json(":a", n("1"))),
				"KeyConditionExpressions must only contain one condition per key");
	}

	@ParameterizedTest
	@ValueSource(strings = { ":a = a and b = :a and :a = c",
			"(a > :a and b > :a) and (c > :a and d > :a) and (e > :a and f > :a)" })
	void tooManyConditions(String expression) {
		assertInvalid(json("KeyConditionExpression", expression, "ExpressionAttributeValues", json(":a", s("a"))),
				"Conditions can be of length 1 or 2 only");
	}

	@Test
	void valueTypesNotValidForTheOperator() {
		assertInvalid(json("KeyConditionExpression", "a < :a", "ExpressionAttributeValues", json(":a", bool(true))),
				"One or more parameter values were invalid: ComparisonOperator LT is not valid for BOOL AttributeValue type");
	}

	@Test
	void betweenBoundsInTheWrongOrder() {
		assertInvalid(
				json("KeyConditionExpression", "a between :b and :a", "ExpressionAttributeValues",
						json(":a", s("a"), ":b", s("b"))),
				"Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to "
						+ "lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}");
	}

	@Test
	void hashOnly() {
		KeyRange range = keyCondition("h = :h", ":h", s("x")).plan("h", Type.S, null, null);
		assertThat(range.hashValue()).isEqualTo(value(s("x")));
		assertThat(range.range()).isNull();
	}

	@Test
	void hashAndRangeWithTheValueFirst() {
		KeyRange range = keyCondition(":h = a AND :r < r", ":h", s("x"), ":r", n("5")).plan("a", Type.S, "r", Type.N);
		assertThat(range.hashValue()).isEqualTo(value(s("x")));
		RangeCondition condition = range.range();
		assertThat(condition).isNotNull();
		assertThat(condition.operator()).isEqualTo(RangeCondition.Operator.GT);
		assertThat(condition.lower()).isEqualTo(new RangeCondition.Bound(value(n("5")), false));
		assertThat(condition.upper()).isNull();
		assertThat(condition.matches(value(n("6")))).isTrue();
		assertThat(condition.matches(value(n("5")))).isFalse();
	}

	@Test
	void rangeConditionMayBeLeftOut() {
		assertThat(keyCondition("a = :h", ":h", s("x")).plan("a", Type.S, "r", Type.N).range()).isNull();
	}

	@Test
	void rangeOperators() {
		RangeCondition between = range("r BETWEEN :lo AND :hi", ":lo", n("1"), ":hi", n("3"));
		assertThat(between.lower()).isEqualTo(new RangeCondition.Bound(value(n("1")), true));
		assertThat(between.upper()).isEqualTo(new RangeCondition.Bound(value(n("3")), true));
		assertThat(between.matches(value(n("3")))).isTrue();
		assertThat(between.matches(value(n("4")))).isFalse();
		RangeCondition lessOrEqual = range("r <= :v", ":v", n("2"));
		assertThat(lessOrEqual.lower()).isNull();
		assertThat(lessOrEqual.upper()).isEqualTo(new RangeCondition.Bound(value(n("2")), true));
		assertThat(lessOrEqual.matches(value(n("2")))).isTrue();
		RangeCondition less = range("r < :v", ":v", n("2"));
		assertThat(less.upper()).isEqualTo(new RangeCondition.Bound(value(n("2")), false));
		assertThat(less.matches(value(n("2")))).isFalse();
		RangeCondition equal = range("r = :v", ":v", n("2"));
		assertThat(equal.lower()).isEqualTo(equal.upper());
		assertThat(equal.matches(value(n("2.0")))).isTrue();
		assertThat(range("r >= :v", ":v", n("2")).matches(value(n("2")))).isTrue();
	}

	@Test
	void beginsWith() {
		KeyRange plan = keyCondition("a = :h AND begins_with(r, :p)", ":h", s("x"), ":p", s("ab")).plan("a", Type.S,
				"r", Type.S);
		RangeCondition condition = plan.range();
		assertThat(condition).isNotNull();
		assertThat(condition.lower()).isEqualTo(new RangeCondition.Bound(value(s("ab")), true));
		assertThat(condition.upper()).isNull();
		assertThat(condition.matches(value(s("abc")))).isTrue();
		assertThat(condition.matches(value(s("b")))).isFalse();
		KeyRange binary = keyCondition("a = :h AND begins_with(r, :p)", ":h", s("x"), ":p", b("YQ==")).plan("a", Type.S,
				"r", Type.B);
		assertThat(binary.range()).isNotNull();
	}

	private static RangeCondition range(String rangeExpression, Object... values) {
		Object[] all = new Object[values.length + 2];
		all[0] = ":h";
		all[1] = s("x");
		System.arraycopy(values, 0, all, 2, values.length);
		RangeCondition range = keyCondition("a = :h AND " + rangeExpression, all).plan("a", Type.S, "r", Type.N)
			.range();
		assertThat(range).isNotNull();
		return range;
	}

	@Test
	void missingHashKey() {
		assertPlanError(keyCondition("z between :a and :b", ":a", n("1"), ":b", n("1")), null,
				"Query condition missed key schema element: a");
		assertPlanError(keyCondition("r = :a", ":a", n("1")), "r", "Query condition missed key schema element: a");
	}

	@Test
	void conditionOnANonKeyAttribute() {
		assertPlanError(keyCondition("a = :a AND z = :b", ":a", s("1"), ":b", n("1")), "r",
				"Query condition missed key schema element: r");
		assertPlanError(keyCondition("a = :a AND z = :b", ":a", s("1"), ":b", n("1")), null,
				"Query key condition not supported");
	}

	@Test
	void hashKeyNeedsEquality() {
		assertPlanError(keyCondition("a > :a", ":a", s("1")), "r", "Query key condition not supported");
	}

	@Test
	void wrongValueType() {
		assertPlanError(keyCondition("a = :a", ":a", n("1")), null,
				"One or more parameter values were invalid: Condition parameter type does not match schema type");
		assertPlanError(keyCondition("a = :a AND r > :b", ":a", s("1"), ":b", s("1")), "r",
				"One or more parameter values were invalid: Condition parameter type does not match schema type");
	}

	@Test
	void legacyKeyConditions() {
		KeyCondition condition = Expressions
			.parse(json("KeyConditions",
					json("a", json("ComparisonOperator", "EQ", "AttributeValueList", List.of(s("x"))), "r",
							json("ComparisonOperator", "BETWEEN", "AttributeValueList", List.of(n("1"), n("2"))))))
			.keyCondition();
		assertThat(condition).isNotNull();
		KeyRange range = condition.plan("a", Type.S, "r", Type.N);
		assertThat(range.hashValue()).isEqualTo(value(s("x")));
		assertThat(range.range()).isNotNull();
		assertThat(range.range().operator()).isEqualTo(RangeCondition.Operator.BETWEEN);
	}

	@Test
	void legacyOperatorsThatAreNotIndexable() {
		KeyCondition condition = Expressions.parse(json("KeyConditions", json("a", json("ComparisonOperator", "NULL"))))
			.keyCondition();
		assertThat(condition).isNotNull();
		assertPlanError(condition, null, "Attempted conditional constraint is not an indexable operation");
	}

	@Test
	void legacyKeyConditionsAreChecked() {
		assertInvalid(json("KeyConditions", json()), "Conditions can be of length 1 or 2 only");
		assertInvalid(json("KeyConditions", json("a", json("ComparisonOperator", "EQ"))),
				"One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator");
		assertInvalid(
				json("KeyConditions",
						json("a",
								json("ComparisonOperator", "BETWEEN", "AttributeValueList", List.of(s("b"), s("a"))))),
				"The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
	}

	@Test
	void attributes() {
		assertThat(keyCondition("a = :a AND r > :b", ":a", s("1"), ":b", n("1")).attributes()).containsExactly("a",
				"r");
	}

	@Test
	void keyValuesStayAsGiven() {
		AttributeValue value = keyCondition("a = :a", ":a", n("1.50")).plan("a", Type.N, null, null).hashValue();
		assertThat(value).isEqualTo(AttributeValue.n("1.5"));
	}

}
