package io.dynamodown.server.internal.expression;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;

import static io.dynamodown.server.internal.expression.Requests.assertInvalid;
import static io.dynamodown.server.internal.expression.Requests.b;
import static io.dynamodown.server.internal.expression.Requests.bool;
import static io.dynamodown.server.internal.expression.Requests.item;
import static io.dynamodown.server.internal.expression.Requests.json;
import static io.dynamodown.server.internal.expression.Requests.l;
import static io.dynamodown.server.internal.expression.Requests.m;
import static io.dynamodown.server.internal.expression.Requests.n;
import static io.dynamodown.server.internal.expression.Requests.ns;
import static io.dynamodown.server.internal.expression.Requests.s;
import static io.dynamodown.server.internal.expression.Requests.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The legacy parameters: {@code Expected}, {@code QueryFilter}, {@code ScanFilter} and
 * {@code AttributeUpdates}, checked and converted as DynamoDB does.
 */
class LegacyParametersTests {

	private static final Map<String, AttributeValue> ITEM = item("a", s("abc"), "n", n("5"), "set", ss("x", "y"),
			"list", l(s("x"), n("1")));

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static Condition expected(Object... conditions) {
		Condition condition = Expressions.parse(json("Expected", json(conditions))).condition();
		assertThat(condition).isNotNull();
		return condition;
	}

	private static Map<String, Object> compare(String operator, Object... values) {
		return json("ComparisonOperator", operator, "AttributeValueList", List.of(values));
	}

	@Test
	void expectedValueAndExists() {
		assertThat(expected("a", json("Value", s("abc"))).test(ITEM)).isTrue();
		assertThat(expected("a", json("Value", s("abd"), "Exists", true)).test(ITEM)).isFalse();
		assertThat(expected("z", json("Exists", false)).test(ITEM)).isTrue();
		assertThat(expected("a", json("Exists", false)).test(ITEM)).isFalse();
		assertThat(expected("a", json("Value", s("abc"))).test(Map.of())).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "a|EQ|abc|true", "a|NE|abc|false", "z|NE|abc|true", "a|LT|abd|true", "a|LE|abc|true",
					"a|GT|abc|false", "a|GE|abc|true", "a|BEGINS_WITH|ab|true", "a|CONTAINS|bc|true",
					"a|NOT_CONTAINS|bc|false", "z|NOT_CONTAINS|bc|true", "set|CONTAINS|x|true",
					"set|NOT_CONTAINS|z|true", "list|CONTAINS|x|true" })
	void expectedComparisons(String attribute, String operator, String value, boolean expected) {
		assertThat(expected(attribute, compare(operator, s(value))).test(ITEM)).isEqualTo(expected);
	}

	@Test
	void expectedOperatorsWithOtherNumbersOfValues() {
		assertThat(expected("a", compare("NOT_NULL")).test(ITEM)).isTrue();
		assertThat(expected("z", compare("NULL")).test(ITEM)).isTrue();
		assertThat(expected("n", compare("IN", n("4"), n("5"))).test(ITEM)).isTrue();
		assertThat(expected("n", compare("BETWEEN", n("1"), n("4"))).test(ITEM)).isFalse();
		assertThat(expected("n", json("ComparisonOperator", "EQ", "Value", n("5"))).test(ITEM)).isTrue();
	}

	@Test
	void conditionalOperator() {
		Map<String, Object> conditions = json("a", json("Value", s("nope")), "n", json("Value", n("5")));
		Condition and = Expressions.parse(json("Expected", conditions)).condition();
		Condition or = Expressions.parse(json("Expected", conditions, "ConditionalOperator", "OR")).condition();
		assertThat(and).isNotNull();
		assertThat(or).isNotNull();
		assertThat(and.test(ITEM)).isFalse();
		assertThat(or.test(ITEM)).isTrue();
		assertThat(or.topLevelAttributes()).containsExactly("a", "n");
	}

	@Test
	void expectedErrors() {
		assertInvalid(json("Expected", json("a", json())),
				INVALID + "Value must be provided when Exists is null for Attribute: a");
		assertInvalid(json("Expected", json("a", json("Exists", true))),
				INVALID + "Value must be provided when Exists is true for Attribute: a");
		assertInvalid(json("Expected", json("a", json("Exists", false, "Value", s("a")))),
				INVALID + "Value cannot be used when Exists is false for Attribute: a");
		assertInvalid(json("Expected", json("a", json("ComparisonOperator", "LT"))),
				INVALID + "Value or AttributeValueList must be used with ComparisonOperator: LT for Attribute: a");
		assertInvalid(json("Expected", json("a", json("Exists", true, "ComparisonOperator", "LT"))),
				INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: a");
		assertInvalid(
				json("Expected",
						json("a",
								json("AttributeValueList", List.of(s("a")), "Value", s("a"), "ComparisonOperator",
										"LT"))),
				INVALID + "Value and AttributeValueList cannot be used together for Attribute: a");
		assertInvalid(json("Expected", json("a", json("AttributeValueList", List.of(s("a"))))),
				INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a");
		assertInvalid(json("Expected", json("a", json("Exists", true, "AttributeValueList", List.of(s("a"))))),
				INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "EQ|0", "NULL|1", "IN|0", "BETWEEN|3", "BETWEEN|1" })
	void expectedNumberOfValues(String operator, int count) {
		Object[] values = new Object[count];
		java.util.Arrays.fill(values, n("1"));
		assertInvalid(
				json("Expected",
						json("a", json("ComparisonOperator", operator, "AttributeValueList", List.of(values)))),
				INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator");
	}

	@Test
	void expectedBetweenInTheWrongOrder() {
		assertInvalid(json("Expected", json("a", compare("BETWEEN", s("b"), s("a")))),
				"The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
	}

	@Test
	void filters() {
		Condition query = Expressions.parse(json("QueryFilter", json("n", compare("GT", n("4"))))).filter();
		Condition scan = Expressions.parse(json("ScanFilter", json("a", compare("BEGINS_WITH", s("x"))))).filter();
		assertThat(query).isNotNull();
		assertThat(scan).isNotNull();
		assertThat(query.test(ITEM)).isTrue();
		assertThat(scan.test(ITEM)).isFalse();
		assertThat(scan.topLevelAttributes()).containsExactly("a");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "LT|BOOL", "GE|NULL", "IN|SS", "CONTAINS|NS", "NOT_CONTAINS|L",
			"BEGINS_WITH|N", "BETWEEN|M", "EQ|L" })
	void filterValueTypes(String operator, String type) {
		Map<String, Object> value = Map
			.of("BOOL", bool(true), "NULL", json("NULL", true), "SS", ss("a"), "NS", ns("1"), "L", l(), "N", n("1"),
					"M", m())
			.get(type);
		Object[] values = operator.equals("BETWEEN") ? new Object[] { value, value } : new Object[] { value };
		assertInvalid(json("ScanFilter", json("a", compare(operator, values))),
				INVALID + "ComparisonOperator " + operator + " is not valid for " + type + " AttributeValue type");
	}

	@Test
	void filterValuesOfDifferentTypes() {
		assertInvalid(json("QueryFilter", json("a", compare("IN", s("b"), n("1")))),
				INVALID + "AttributeValues inside AttributeValueList must be of same type");
	}

	@Test
	void emptyLegacyConditionsMakeNoCondition() {
		ParsedExpressions parsed = Expressions.parse(json("Expected", json(), "QueryFilter", json()));
		assertThat(parsed.condition()).isNull();
		assertThat(parsed.filter()).isNull();
	}

	private static Map<String, AttributeValue> attributeUpdates(Map<String, AttributeValue> item, Object... updates) {
		Update update = Expressions.parse(json("AttributeUpdates", json(updates))).update();
		assertThat(update).isNotNull();
		return update.apply(item);
	}

	@Test
	void attributeUpdates() {
		Map<String, AttributeValue> updated = attributeUpdates(ITEM, "a", json("Value", s("new")), "n",
				json("Action", "ADD", "Value", n("2")), "set", json("Action", "DELETE", "Value", ss("x")), "list",
				json("Action", "ADD", "Value", l(b("YQ=="))), "b", json("Action", "PUT", "Value", bool(true)), "gone",
				json("Action", "DELETE"));
		assertThat(updated).isEqualTo(item("a", s("new"), "n", n("7"), "set", ss("y"), "list",
				l(s("x"), n("1"), b("YQ==")), "b", bool(true)));
	}

	@Test
	void attributeUpdatesOnAnAbsentItem() {
		assertThat(attributeUpdates(Map.of(), "a", json("Action", "DELETE"), "b",
				json("Action", "DELETE", "Value", ss("a")), "c", json("Action", "ADD", "Value", n("5")), "d",
				json("Action", "ADD", "Value", ss("a", "b")), "e", json("Action", "ADD", "Value", l(s("a")))))
			.isEqualTo(item("c", n("5"), "d", ss("a", "b"), "e", l(s("a"))));
	}

	@Test
	void attributeUpdatesOfTheWrongType() {
		Update update = Expressions
			.parse(json("AttributeUpdates", json("set", json("Action", "DELETE", "Value", ns("1")))))
			.update();
		assertThat(update).isNotNull();
		assertThatExceptionOfType(DynamoDbError.class).isThrownBy(() -> update.apply(ITEM))
			.withMessage("Type mismatch for attribute to update");
	}

	@Test
	void attributeUpdatesErrors() {
		assertInvalid(json("AttributeUpdates", json("a", json("Action", "PUT"))),
				INVALID + "Only DELETE action is allowed when no attribute value is specified");
		assertInvalid(json("AttributeUpdates", json("a", json("Action", "DELETE", "Value", s("a")))),
				INVALID + "DELETE action with value is not supported for the type S");
		assertInvalid(json("AttributeUpdates", json("a", json("Action", "ADD", "Value", b("Yg==")))),
				INVALID + "ADD action is not supported for the type B");
	}

	@Test
	void attributeUpdatesChangeTheirAttributes() {
		Update update = Expressions
			.parse(json("AttributeUpdates", json("a", json("Value", s("x")), "b", json("Action", "DELETE"))))
			.update();
		assertThat(update).isNotNull();
		assertThat(update.topLevelAttributes()).containsExactly("a", "b");
		assertThat(update.assignedTypes()).containsOnly(Map.entry("a", AttributeValue.Type.S));
		assertThatExceptionOfType(DynamoDbError.class)
			.isThrownBy(() -> update.checkKeyAttributes(java.util.Set.of("a")))
			.withMessage(INVALID + "Cannot update attribute a. This attribute is part of the key");
	}

}
