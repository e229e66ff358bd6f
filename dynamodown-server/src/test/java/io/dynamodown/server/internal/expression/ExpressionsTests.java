package io.dynamodown.server.internal.expression;

import org.junit.jupiter.api.Test;

import static io.dynamodown.server.internal.expression.Requests.assertInvalid;
import static io.dynamodown.server.internal.expression.Requests.json;
import static io.dynamodown.server.internal.expression.Requests.ns;
import static io.dynamodown.server.internal.expression.Requests.s;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request-wide checks of {@link Expressions#parse}: expression attribute names and
 * values, and the order of the checks.
 */
class ExpressionsTests {

	@Test
	void requestWithoutExpressions() {
		ParsedExpressions parsed = Expressions.parse(json("TableName", "t"));
		assertThat(parsed.condition()).isNull();
		assertThat(parsed.filter()).isNull();
		assertThat(parsed.keyCondition()).isNull();
		assertThat(parsed.update()).isNull();
		assertThat(parsed.projection()).isNull();
	}

	@Test
	void emptyNames() {
		assertInvalid(json("ExpressionAttributeNames", json(), "ExpressionAttributeValues", json(),
				"ConditionExpression", ""), "ExpressionAttributeNames must not be empty");
	}

	@Test
	void invalidNameKey() {
		assertInvalid(
				json("ExpressionAttributeNames", json("a", "a"), "ExpressionAttributeValues", json(),
						"ConditionExpression", ""),
				"ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
		assertInvalid(json("ExpressionAttributeNames", json("#a-b", "a"), "ProjectionExpression", "a"),
				"ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"");
	}

	@Test
	void emptyValues() {
		assertInvalid(json("ExpressionAttributeValues", json(), "ConditionExpression", ""),
				"ExpressionAttributeValues must not be empty");
	}

	@Test
	void invalidValueKey() {
		assertInvalid(json("ExpressionAttributeValues", json(":b", s("a"), "b", s("a")), "ConditionExpression", ""),
				"ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\"");
	}

	@Test
	void invalidValueIsNamedWithItsKeyBeforeTheExpressionsAreRead() {
		assertInvalid(json("ExpressionAttributeValues", json(":b", json("NULL", false)), "UpdateExpression", ""),
				"ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
						+ "Null attribute value types must have the value of true for key :b");
		assertInvalid(json("ExpressionAttributeValues", json(":b", json()), "ConditionExpression", ""),
				"ExpressionAttributeValues contains invalid value: Supplied AttributeValue is empty, "
						+ "must contain exactly one of the supported datatypes for key :b");
		assertInvalid(json("ExpressionAttributeValues", json(":b", ns("1", "1")), "ConditionExpression", ""),
				"ExpressionAttributeValues contains invalid value: Input collection contains duplicates for key :b");
	}

	@Test
	void expressionsAreCheckedInDynamoDbsOrder() {
		assertInvalid(
				json("KeyConditionExpression", "attribute_type(a, :a)", "FilterExpression", "", "ProjectionExpression",
						"", "ExpressionAttributeValues", json(":a", s("N"))),
				"Invalid FilterExpression: The expression can not be empty;");
		assertInvalid(
				json("KeyConditionExpression", "attribute_type(a, :a)", "FilterExpression", "a > b",
						"ProjectionExpression", "", "ExpressionAttributeValues", json(":a", s("N"))),
				"Invalid ProjectionExpression: The expression can not be empty;");
	}

	@Test
	void unusedNamesBeforeUnusedValues() {
		assertInvalid(
				json("ConditionExpression", "a = b", "ExpressionAttributeNames", json("#x", "x"),
						"ExpressionAttributeValues", json(":x", s("x"))),
				"Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}");
	}

	@Test
	void unusedValuesBeforeKeyConditionChecks() {
		assertInvalid(
				json("KeyConditionExpression", "a <> :a", "ExpressionAttributeValues",
						json(":a", s("x"), ":b", s("y"))),
				"Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}");
	}

	@Test
	void placeholdersAreSharedByTheExpressionsOfARequest() {
		ParsedExpressions parsed = Expressions.parse(json("KeyConditionExpression", "#k = :k", "FilterExpression",
				"#f > :k", "ProjectionExpression", "#k, #f", "ExpressionAttributeNames", json("#k", "key", "#f", "f"),
				"ExpressionAttributeValues", json(":k", s("x"))));
		assertThat(parsed.keyCondition()).isNotNull();
		assertThat(parsed.filter()).isNotNull();
		assertThat(parsed.filter().topLevelAttributes()).containsExactly("f");
		assertThat(parsed.projection()).isNotNull();
		assertThat(parsed.projection().topLevelAttributes()).containsExactly("key", "f");
	}

}
