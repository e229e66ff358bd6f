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
 * The errors DynamoDB reports for condition and filter expressions.
 */
class FilterExpressionErrorsTests {

	private static Map<String, Object> filter(String expression) {
		return json("TableName", "abc", "FilterExpression", expression);
	}

	@Test
	void emptyExpression() {
		assertInvalid(filter(""), "Invalid FilterExpression: The expression can not be empty;");
	}

	@ParameterizedTest
	@ValueSource(strings = { "things are not gonna be ok", "a > 4", "attribute_exists(Pictures-RearView)",
			"attribute_exists(\"Pictures.RearView\")", "attribute_exists(Pictures..RearView)",
			"attribute_exists(Pi#ctures.RearView)", "attribute_exists(asdf[a])", "a in b, c", "a > between", "a in b",
			"a in (b,c,)", "(a)between(b.(c.d))and(c)", "(a)between(b.c.d)and((c)", "#$.b > a", "a > :things.stuff",
			"b[:a] > a", "b[#_] > a", "ü > a", "(a)between(b.c[4.5].#d)and(:a)", "size(a).b > a", "(size(a)).b > a",
			"size(a)[0] > a", "(size(a))[0] > a", "a", "a = b c", "NOT" })
	void syntaxErrors(String expression) {
		assertInvalidStartingWith(filter(expression), "Invalid FilterExpression: Syntax error; token: ");
	}

	@Test
	void syntaxErrorQuotesTheTokenAndTheTextAroundIt() {
		assertInvalid(filter("a-b"), "Invalid FilterExpression: Syntax error; token: \"-\", near: \"a-b\"");
		assertInvalid(filter("things are not gonna be ok"),
				"Invalid FilterExpression: Syntax error; token: \"are\", near: \"things are not\"");
	}

	@Test
	void syntaxErrorAtTheEnd() {
		Map<String, Object> request = json("ConditionExpression", "attribute_exists(car_id) AND NOT #has",
				"ExpressionAttributeNames", json("#has", "has"));
		assertInvalid(request, "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"#has\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a=a and a > ((views))", "(a)between(((b.c)).d)and(c)", "a > whatever((:things), ((a)))",
			"a=a AND ((a=a AND a=a)) AND a=a", "a=a OR ((a=a OR a=a)) OR a=a", "a=a AND ((a=a AND (a=a AND a=a)))",
			"a=a OR ((a=a OR (a=a OR a=a)))", "((a = b))" })
	void redundantParentheses(String expression) {
		assertInvalid(filter(expression), "Invalid FilterExpression: The expression has redundant parentheses;");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "a=a and whatever((:things)) > a|whatever", "attRIbute_exIsts((views), #a)|attRIbute_exIsts" })
	void unknownFunctions(String expression, String function) {
		assertInvalid(filter(expression), "Invalid FilterExpression: Invalid function name; function: " + function);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "a=a and attribute_exists((views), (#a)) > b|attribute_exists",
					"attribute_not_exists(things) > b|attribute_not_exists",
					"attribute_type(things, :a) > b|attribute_type", "begins_with(things, a) > b|begins_with",
					"contains(:things, c) > b|contains", "size(contains(a, b)) > a|contains", "size(things)|size",
					"a between b and attribute_exists(things)|attribute_exists",
					"a in (b, attribute_exists(things))|attribute_exists" })
	void misusedFunctions(String expression, String function) {
		assertInvalid(filter(expression),
				"Invalid FilterExpression: The function is not allowed to be used this way in an expression; function: "
						+ function);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "attribute_exists(views, #a)|views", ":a < abOrT|abOrT" })
	void reservedWords(String expression, String word) {
		assertInvalid(filter(expression),
				"Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: " + word);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "attribute_exists(#Pictures.RearView, :a) and a=a|#Pictures",
			"begins_with(Pictures.#RearView)|#RearView", "(#P between :lo and :hi) and (#PC in (:cat1, :cat2))|#P",
			"#4g > a|#4g", "#_ > a|#_", "(a)between(b.c[45].#d)and(:a)|#d" })
	void undefinedNames(String expression, String name) {
		assertInvalid(filter(expression),
				"Invalid FilterExpression: An expression attribute name used in the document path is not defined; attribute name: "
						+ name);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "begins_with(:hello, #a, #b)|:hello", ":a < :b|:a", ":_ > a|:_" })
	void undefinedValues(String expression, String value) {
		assertInvalid(filter(expression),
				"Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: "
						+ value);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "attribute_exists(things, a) and a=a|attribute_exists|2",
					"attribute_not_exists(things, b)|attribute_not_exists|2", "attribute_type(things)|attribute_type|1",
					"begins_with(things)|begins_with|1", "begins_with(things, size(a), b)|begins_with|3",
					"contains(things)|contains|1", "size(things, a) > b|size|2" })
	void wrongNumberOfOperands(String expression, String function, int count) {
		assertInvalid(filter(expression),
				"Invalid FilterExpression: Incorrect number of operands for operator or function; operator or function: "
						+ function + ", number of operands: " + count);
	}

	@Test
	void wrongOperandTypes() {
		Object[][] cases = { { "attribute_type(a, size(a)) and a=a and a=:a", "attribute_type", n("1") },
				{ "attribute_type(a, :a)", "attribute_type", n("1") },
				{ "attribute_type(a, :a)", "attribute_type", b("YQ==") },
				{ "attribute_type(a, :a)", "attribute_type", bool(true) },
				{ "attribute_type(a, :a)", "attribute_type", nul() },
				{ "attribute_type(a, :a)", "attribute_type", l() }, { "attribute_type(a, :a)", "attribute_type", m() },
				{ "attribute_type(a, :a)", "attribute_type", ss("1") },
				{ "attribute_type(a, :a)", "attribute_type", ns("1") },
				{ "attribute_type(a, :a)", "attribute_type", bs("YQ==") },
				{ "begins_with(a, size(a)) and a=:a", "begins_with", n("1") },
				{ "begins_with(a, :a)", "begins_with", n("1") }, { "begins_with(a, :a)", "begins_with", bool(true) },
				{ "begins_with(:a, a)", "begins_with", l() }, { "begins_with(:a, a)", "begins_with", ss("1") },
				{ "size(size(a)) > :a", "size", n("1") }, { "attribute_not_exists(size(:a))", "size", n("1") },
				{ "size(:a) > a", "size", bool(true) }, { "size(:a) > a", "size", nul() } };
		for (Object[] test : cases) {
			@SuppressWarnings("unchecked")
			Map<String, Object> value = (Map<String, Object>) test[2];
			assertInvalid(json("FilterExpression", test[0], "ExpressionAttributeValues", json(":a", value)),
					"Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: "
							+ test[1] + ", operand type: " + value.keySet().iterator().next());
		}
	}

	@Test
	void attributeTypeOfAPath() {
		assertInvalid(filter("attribute_type(a, b)"),
				"Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: "
						+ "attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
	}

	@Test
	void unknownTypeName() {
		assertInvalid(
				json("FilterExpression", "attribute_type(a, :a)", "ExpressionAttributeValues", json(":a", s("1"))),
				"Invalid FilterExpression: Invalid attribute type name found; type: 1, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "attribute_exists(:a) and a=a|attribute_exists",
			"attribute_not_exists(size(:a))|attribute_not_exists" })
	void functionsNeedingAPath(String expression, String function) {
		assertInvalid(json("FilterExpression", expression, "ExpressionAttributeValues", json(":a", s("1"))),
				"Invalid FilterExpression: Operator or function requires a document path; operator or function: "
						+ function);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "a = a AND #a = b AND :views > a|=|[a]", "#a <> a|<>|[a]", "a > #a|>|[a]",
					"((a=a) OR (a=a))|=|[a]", "((a=a) AND (a=a))|=|[a]",
					"contains(ab.bc[1].a, ab.bc[1].#a)|contains|[ab, bc, [1], a]",
					"attribute_type(ab.bc[1].#a, ab.bc[1].a)|attribute_type|[ab, bc, [1], a]",
					"begins_with(ab.bc[1].a, ab.bc[1].#a)|begins_with|[ab, bc, [1], a]" })
	void sameOperandTwice(String expression, String operator, String path) {
		assertInvalid(json("FilterExpression", expression, "ExpressionAttributeNames", json("#a", "a")),
				"Invalid FilterExpression: The first operand must be distinct from the remaining operands for this "
						+ "operator or function; operator: " + operator + ", first operand: " + path);
	}

	@Test
	void betweenBoundsOfDifferentTypes() {
		assertInvalid(
				json("ConditionExpression", "a between :b and :a", "ExpressionAttributeValues",
						json(":a", s("a"), ":b", n("1"))),
				"Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
						+ "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}");
	}

	@Test
	void betweenBoundsInTheWrongOrder() {
		assertInvalid(
				json("ConditionExpression", "a between :b and :a", "ExpressionAttributeValues",
						json(":a", s("a"), ":b", s("b"))),
				"Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to "
						+ "lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}");
	}

	@Test
	void tooManyInOperands() {
		StringBuilder expression = new StringBuilder("a IN (:v");
		for (int i = 0; i < 100; i++) {
			expression.append(", :v");
		}
		assertInvalid(json("FilterExpression", expression + ")", "ExpressionAttributeValues", json(":v", n("1"))),
				"Invalid FilterExpression: The IN operator is provided with too many operands; number of operands: 101");
	}

	@Test
	void tooManyOperators() {
		StringBuilder expression = new StringBuilder("a = :v");
		for (int i = 0; i < 150; i++) {
			expression.append(" AND a = :v");
		}
		assertInvalid(json("FilterExpression", expression.toString(), "ExpressionAttributeValues", json(":v", n("1"))),
				"Invalid FilterExpression: The expression contains too many operators; operator count: 301");
	}

	@Test
	void parenthesesAroundConditionsAndOperandsAreFine() {
		Expressions.parse(json("FilterExpression", "(a = :v) AND ((b) > (:v) OR NOT (c < :v))",
				"ExpressionAttributeValues", json(":v", n("1"))));
	}

}
