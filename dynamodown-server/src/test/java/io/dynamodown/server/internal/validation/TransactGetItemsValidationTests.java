package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.NAME_PATTERN;
import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.maxLength;
import static io.dynamodown.server.internal.validation.CaseTable.minLength;
import static io.dynamodown.server.internal.validation.CaseTable.nullAt;
import static io.dynamodown.server.internal.validation.CaseTable.oneOf;

/**
 * {@code TransactGetItems}: types, 1 to 100 gets, each get's table name and key, and the
 * expression check of each get in turn.
 */
class TransactGetItemsValidationTests extends OperationValidationTests {

	static Stream<ValidationCase> cases() {
		return new CaseTable("TransactGetItems").valid("one get", "{'TransactItems':[" + get(0) + "]}")
			.valid("a hundred gets", "{'TransactItems':" + gets(100) + "}")
			.serialization("the items given as a string", "{'TransactItems':'x'}", "Unexpected field type")
			.serialization("an item given as a string", "{'TransactItems':['x']}", "Unexpected value type in payload")
			.serialization("an item given as a list", "{'TransactItems':[[]]}",
					"Unrecognized collection type class com.amazonaws.dynamodb.v20120810.TransactGetItem")
			.serialization("a get given as a string", "{'TransactItems':[{'Get':'x'}]}", "Unexpected field type")
			.serialization("a get's key given as a list", "{'TransactItems':[{'Get':{'Key':[]}}]}",
					"Unrecognized collection type java.util.Map<java.lang.String, "
							+ "com.amazonaws.dynamodb.v20120810.AttributeValue>")
			.serialization("a get's projection given as a number",
					"{'TransactItems':[{'Get':{'ProjectionExpression':1}}]}",
					"NUMBER_VALUE cannot be converted to String")
			.constraints("an empty request", "{}", nullAt("transactItems"))
			.constraints("no items", "{'TransactItems':[]}", error("[]", "transactItems", minLength(1)))
			.constraints("101 items", "{'TransactItems':" + gets(101) + "}",
					error(renderedGets(101), "transactItems", maxLength(100)))
			.constraints("an item without a get", "{'TransactItems':[{}]}", nullAt("transactItems.1.member.get"))
			.constraints("a get without key or table, the key first", "{'TransactItems':[{'Get':{}}]}",
					nullAt("transactItems.1.member.get.key"), nullAt("transactItems.1.member.get.tableName"))
			.constraints("a table name outside the pattern in the second get",
					"{'TransactItems':[" + get(0) + ",{'Get':{'TableName':'a%c','Key':{'id':{'S':'a'}}}}]}",
					error("a%c", "transactItems.2.member.get.tableName", NAME_PATTERN))
			.constraints("an unknown ReturnConsumedCapacity, after the items",
					"{'ReturnConsumedCapacity':'ALL','TransactItems':[{}]}", nullAt("transactItems.1.member.get"),
					error("ALL", "returnConsumedCapacity", oneOf("INDEXES", "TOTAL", "NONE")))
			.constraints("at most ten errors", "{'TransactItems':[{},{},{},{},{},{},{},{},{},{},{}]}", cappedErrors())
			.invalid("an empty key attribute", "{'TransactItems':[{'Get':{'TableName':'abc','Key':{'id':{}}}}]}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("an invalid number in the second get's key",
					"{'TransactItems':[" + get(0) + ",{'Get':{'TableName':'abc','Key':{'id':{'N':'--1'}}}}]}",
					"The parameter cannot be converted to a numeric value: --1")
			.reachesExpressions("a get's projection after its key",
					"{'TransactItems':[{'Get':{'TableName':'abc','Key':{'id':{'S':'a'}},'ProjectionExpression':'a'}}]}")
			.reachesExpressions("the first get's expressions before the second get's key",
					"{'TransactItems':[{'Get':{'TableName':'abc','Key':{'id':{'S':'a'}},'ProjectionExpression':'a'}},"
							+ "{'Get':{'TableName':'abc','Key':{'id':{}}}}]}")
			.stream();
	}

	private static String get(int i) {
		return "{'Get':{'TableName':'abc','Key':{'id':{'S':'k" + i + "'}}}}";
	}

	private static String gets(int count) {
		List<String> gets = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			gets.add(get(i));
		}
		return "[" + String.join(",", gets) + "]";
	}

	/** The gets as a constraint message shows a list of them, in the shape's order. */
	private static String renderedGets(int count) {
		List<String> gets = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			gets.add("{\"Get\":{\"Key\":{\"id\":{\"S\":\"k" + i + "\"}},\"TableName\":\"abc\"}}");
		}
		return "[" + String.join(", ", gets) + "]";
	}

	private static String[] cappedErrors() {
		List<String> errors = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			errors.add(nullAt("transactItems." + i + ".member.get"));
		}
		return errors.toArray(new String[0]);
	}

}
