package io.dynamodown.server.internal.expression;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.dynamodown.server.internal.expression.Requests.assertInvalid;
import static io.dynamodown.server.internal.expression.Requests.assertInvalidStartingWith;
import static io.dynamodown.server.internal.expression.Requests.b;
import static io.dynamodown.server.internal.expression.Requests.bool;
import static io.dynamodown.server.internal.expression.Requests.bs;
import static io.dynamodown.server.internal.expression.Requests.json;
import static io.dynamodown.server.internal.expression.Requests.l;
import static io.dynamodown.server.internal.expression.Requests.m;
import static io.dynamodown.server.internal.expression.Requests.n;
import static io.dynamodown.server.internal.expression.Requests.ns;
import static io.dynamodown.server.internal.expression.Requests.nul;
import static io.dynamodown.server.internal.expression.Requests.s;
import static io.dynamodown.server.internal.expression.Requests.ss;

/**
 * The errors DynamoDB reports for update expressions.
 */
class UpdateExpressionErrorsTests {

	private static final Map<String, Object> SOME_VALUES = json(":a", s("a"), ":b", s("a"));

	private static final Map<String, Object> SOME_NAMES = json("#a", "a", "#b", "b");

	@Test
	void emptyExpression() {
		assertInvalid(json("UpdateExpression", "", "ConditionExpression", ""),
				"Invalid UpdateExpression: The expression can not be empty;");
	}

	@ParameterizedTest
	@ValueSource(strings = { "whatever", "set a", "add a", "delete a", "set a=set", "remove a = b", "add a = b",
			"delete a = b", "delete a b", "delete a if_not_exist(b)", "add abort b", "add a if_not_exist(b)",
			"remove a b", "set a b", "set :a = b", "add :a b", "delete :a b", "remove :a", "set a = b / c",
			"set a = b * c", "set a[1] = \"eight\"", "set a[1] = 1", "SET a = if_not_exist(a, 100)",
			"SET if_not_exist(a, b) = a", "set (a = (b + c))", "set a = (b.c).d + e", "set a = (b.c)[0] + e",
			"set a = b + c + d", "set a = (((b)))", "set a = b,", "SET a = b REMOVE" })
	void syntaxErrors(String expression) {
		assertInvalidStartingWith(json("UpdateExpression", expression), "Invalid UpdateExpression: Syntax error; ");
	}

	@Test
	void syntaxErrorQuotesTheTokenAndTheTextAroundIt() {
		assertInvalid(json("UpdateExpression", "INVALID SYNTAX HERE"),
				"Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { " set #c = :c set abOrt = true |abOrt", " remove Absolute |Absolute" })
	void reservedWords(String expression, String word) {
		assertInvalid(
				json("UpdateExpression", expression, "ExpressionAttributeValues", SOME_VALUES,
						"ExpressionAttributeNames", SOME_NAMES),
				"Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: " + word);
	}

	@Test
	void unknownFunction() {
		assertInvalid(
				json("UpdateExpression", "set #c = if_not_exist(:c) set c = d", "ExpressionAttributeValues",
						SOME_VALUES, "ExpressionAttributeNames", SOME_NAMES),
				"Invalid UpdateExpression: Invalid function name; function: if_not_exist");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "set a = #c set c = :d|SET", "remove #d set a = b remove e|REMOVE",
			"add #d :e set a = b add e :f|ADD", "delete #d :e set a = b delete #e :f|DELETE" })
	void clauseUsedTwice(String expression, String clause) {
		assertInvalid(
				json("UpdateExpression", expression, "ExpressionAttributeValues", SOME_VALUES,
						"ExpressionAttributeNames", SOME_NAMES),
				"Invalid UpdateExpression: The \"" + clause
						+ "\" section can only be used once in an update expression;");
	}

	@Test
	void undefinedName() {
		assertInvalid(
				json("UpdateExpression", "SET #c = if_not_exists(:c)", "ExpressionAttributeValues", SOME_VALUES,
						"ExpressionAttributeNames", SOME_NAMES),
				"Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #c");
	}

	@Test
	void undefinedValue() {
		assertInvalid(
				json("UpdateExpression", "SET #a = if_not_exists(:c)", "ExpressionAttributeValues", SOME_VALUES,
						"ExpressionAttributeNames", SOME_NAMES),
				"Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :c");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)|[c, [1], a]|[c]",
			"set #c[3].#d = a, #c[3] = a|[c, [3], [3]]|[c, [3]]", "set a = b remove a|[a]|[a]" })
	void overlappingPaths(String expression, String one, String two) {
		assertInvalid(json("UpdateExpression", expression, "ExpressionAttributeNames", json("#c", "c", "#d", "[3]")),
				"Invalid UpdateExpression: Two document paths overlap with each other; "
						+ "must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "set #c[3].#d = a, #c.#d[3] = if_not_exists(a)|[c, [3], [3]]|[c, [3], [3]]",
			"remove a.#c set a[1] = #d|[a, c]|[a, [1]]" })
	void conflictingPaths(String expression, String one, String two) {
		assertInvalid(
				json("UpdateExpression", expression, "ExpressionAttributeNames",
						json("#b", "b", "#c", "c", "#d", "[3]")),
				"Invalid UpdateExpression: Two document paths conflict with each other; "
						+ "must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
	}

	@Test
	void wrongAddAndDeleteOperands() {
		Object[][] cases = { { "set b = list_append(:a, a), c = if_not_exists(a) add a.b :a", s("a"), "ADD", "STRING" },
				{ "delete a.b :a", s("a"), "DELETE", "STRING" }, { "add a.b :a", nul(), "ADD", "NULL" },
				{ "delete a.b :a", nul(), "DELETE", "NULL" }, { "add a.b :a", bool(false), "ADD", "BOOLEAN" },
				{ "add a.b :a", b("YQ=="), "ADD", "BINARY" }, { "delete a.b :a", b("YQ=="), "DELETE", "BINARY" },
				{ "add a.b :a", m("a", l(n("1"))), "ADD", "MAP" }, { "delete a.b :a", l(n("1")), "DELETE", "LIST" },
				{ "delete a.b :a", n("1"), "DELETE", "NUMBER" } };
		for (Object[] test : cases) {
			assertInvalid(
					json("UpdateExpression", test[0], "ExpressionAttributeValues", json(":a", test[1], ":b", s("a"))),
					"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: " + test[2]
							+ ", operand type: " + test[3]);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "set a = if_not_exists(c)|if_not_exists|1",
			"set a = list_append(c)|list_append|1", "set a = list_append(a, b, c)|list_append|3" })
	void wrongNumberOfOperands(String expression, String function, int count) {
		assertInvalid(json("UpdateExpression", expression),
				"Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: "
						+ function + ", number of operands: " + count);
	}

	@ParameterizedTest
	@ValueSource(strings = { "set a = if_not_exists(:a, c)", "set a = if_not_exists(if_not_exists(a, b), c)" })
	void ifNotExistsNeedsAPath(String expression) {
		assertInvalid(json("UpdateExpression", expression, "ExpressionAttributeValues", json(":a", s("a"))),
				"Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "set a = list_append(:a, a)|list_append|S", "set a = list_append(a, :b)|list_append|N",
					"set a = list_append(:c, a)|list_append|B", "set a = list_append(:f, a)|list_append|SS",
					"set a = list_append(:i, a)|list_append|M", "set a = a + :a|+|S", "set a = :a + :c|+|S",
					"set a = :c + a|+|B", "set a = a + :d|+|BOOL", "set a = a + :e|+|NULL", "set a = a + :g|+|NS",
					"set a = a + :j|+|L", "set a = a - :a|-|S", "set a = a - :h|-|BS", "set a = a - :i|-|M" })
	void wrongFunctionOperandTypes(String expression, String function, String type) {
		Map<String, Object> values = json(":a", s("a"), ":b", n("1"), ":c", b("YQ=="), ":d", bool(false), ":e", nul(),
				":f", ss("a"), ":g", ns("1"), ":h", bs("YQ=="), ":i", m(), ":j", l());
		Map<String, Object> used = json();
		values.forEach((key, value) -> {
			if (expression.contains(key)) {
				used.put(key, value);
			}
		});
		assertInvalid(json("UpdateExpression", expression, "ExpressionAttributeValues", used),
				"Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: "
						+ function + ", operand type: " + type);
	}

	@Test
	void unusedNames() {
		assertInvalid(
				json("UpdateExpression", "remove a set b = list_append(b, if_not_exists(a, :a))", "ConditionExpression",
						"a = :b", "ExpressionAttributeValues", SOME_VALUES, "ExpressionAttributeNames", SOME_NAMES),
				"Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}");
	}

	@Test
	void unusedValues() {
		assertInvalid(
				json("UpdateExpression", "remove a", "ConditionExpression", "a = :b", "ExpressionAttributeValues",
						json(":a", s("a"), ":b", s("a"), ":c", s("a"))),
				"Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :c}");
	}

	@Test
	void updateIsCheckedBeforeCondition() {
		assertInvalid(json("UpdateExpression", "", "ConditionExpression", ""),
				"Invalid UpdateExpression: The expression can not be empty;");
		assertInvalid(json("UpdateExpression", "set a = :a", "ConditionExpression", "", "ExpressionAttributeValues",
				json(":a", s("a"))), "Invalid ConditionExpression: The expression can not be empty;");
	}

}
