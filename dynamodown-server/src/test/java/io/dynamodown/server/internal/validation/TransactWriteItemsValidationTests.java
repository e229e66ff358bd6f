package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.maxLength;
import static io.dynamodown.server.internal.validation.CaseTable.minLength;
import static io.dynamodown.server.internal.validation.CaseTable.nullAt;
import static io.dynamodown.server.internal.validation.CaseTable.oneOf;

/**
 * {@code TransactWriteItems}: types, 1 to 100 items of exactly one action each, each
 * action's required members, keys and items, the client token, and the expression check
 * of each action in turn.
 */
class TransactWriteItemsValidationTests extends OperationValidationTests {

	private static final String ONE_ACTION = "TransactItems can only contain one of Check, Put, Update or Delete";

	private static final String DELETE = "{'Delete':{'TableName':'abc','Key':{'id':{'S':'a'}}}}";

	static Stream<ValidationCase> cases() {
		return new CaseTable("TransactWriteItems").valid("one delete", "{'TransactItems':[" + DELETE + "]}")
			.valid("a put and a delete with a token of 36 characters",
					"{'ClientRequestToken':'" + "t".repeat(36) + "','TransactItems':[{'Put':{'TableName':'abc',"
							+ "'Item':{'id':{'S':'b'}}}}," + DELETE + "]}")
			.valid("a hundred deletes",
					"{'TransactItems':[" + String.join(",", Collections.nCopies(100, DELETE)) + "]}")
			.serialization("an item given as a list", "{'TransactItems':[[]]}",
					"Unrecognized collection type class com.amazonaws.dynamodb.v20120810.TransactWriteItem")
			.serialization("a put given as a string", "{'TransactItems':[{'Put':'x'}]}", "Unexpected field type")
			.serialization("a put's item given as a string", "{'TransactItems':[{'Put':{'Item':'x'}}]}",
					"Unexpected field type")
			.serialization("an update expression given as a boolean",
					"{'TransactItems':[{'Update':{'UpdateExpression':false}}]}",
					"FALSE_VALUE cannot be converted to String")
			.serialization("the client token given as a number", "{'ClientRequestToken':5}",
					"NUMBER_VALUE cannot be converted to String")
			.serialization("the first action in the item's member order",
					"{'TransactItems':[{'Delete':{'Key':'x'},'ConditionCheck':[]}]}",
					"Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ConditionCheck")
			.constraints("an empty request", "{}", nullAt("transactItems"))
			.constraints("101 deletes",
					"{'TransactItems':[" + String.join(",", Collections.nCopies(101, DELETE)) + "]}", error(
							String
								.join(", ",
										Collections.nCopies(101,
												"{\"Delete\":{\"Key\":{\"id\":{\"S\":\"a\"}},"
														+ "\"TableName\":\"abc\"}}"))
								.transform((items) -> "[" + items + "]"),
							"transactItems", maxLength(100)))
			.constraints("a put without item or table, the item first", "{'TransactItems':[{'Put':{}}]}",
					nullAt("transactItems.1.member.put.item"), nullAt("transactItems.1.member.put.tableName"))
			.constraints("a condition check without a condition",
					"{'TransactItems':[{'ConditionCheck':{'TableName':'abc','Key':{'id':{'S':'a'}}}}]}",
					nullAt("transactItems.1.member.conditionCheck.conditionExpression"))
			.constraints("ReturnValuesOnConditionCheckFailure of ALL_NEW",
					"{'TransactItems':[{'Delete':{'TableName':'abc','Key':{'id':{'S':'a'}},"
							+ "'ReturnValuesOnConditionCheckFailure':'ALL_NEW'}}]}",
					error("ALL_NEW", "transactItems.1.member.delete.returnValuesOnConditionCheckFailure",
							oneOf("ALL_OLD", "NONE")))
			.constraints("an empty client token", "{'ClientRequestToken':'','TransactItems':[" + DELETE + "]}",
					error("", "clientRequestToken", minLength(1)))
			.constraints("the items before the other members",
					"{'ReturnItemCollectionMetrics':'x','ReturnConsumedCapacity':'y','TransactItems':[]}",
					error("[]", "transactItems", minLength(1)),
					error("y", "returnConsumedCapacity", oneOf("INDEXES", "TOTAL", "NONE")),
					error("x", "returnItemCollectionMetrics", oneOf("SIZE", "NONE")))
			.constraints("at most ten errors",
					"{'TransactItems':[" + String.join(",", Collections.nCopies(6, "{'Put':{}}")) + "]}",
					cappedErrors())
			.invalid("an item without an action", "{'TransactItems':[{}]}", ONE_ACTION)
			.invalid("an item of two actions", "{'TransactItems':[{'Delete':{'TableName':'abc','Key':{'id':{'S':'a'}}},"
					+ "'ConditionCheck':{'TableName':'abc','Key':{'id':{'S':'a'}},'ConditionExpression':'x'}}]}",
					ONE_ACTION)
			.invalid("an empty attribute in a put's item",
					"{'TransactItems':[{'Put':{'TableName':'abc','Item':{'id':{'S':'a'},'b':{}}}}]}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("a put's item over 400 KB",
					"{'TransactItems':[{'Put':{'TableName':'abc','Item':{'id':{'S':'" + "a".repeat(409_599) + "'}}}}]}",
					"Item size has exceeded the maximum allowed size")
			.invalid("a delete's key with a string set duplicate",
					"{'TransactItems':[{'Delete':{'TableName':'abc','Key':{'id':{'SS':['x','x']}}}}]}",
					"One or more parameter values were invalid: Input collection [x, x] contains duplicates.")
			.invalid("the first item's key before the second item's actions",
					"{'TransactItems':[{'Delete':{'TableName':'abc','Key':{'id':{'NULL':true,'S':'a'}}}},{}]}",
					"Supplied AttributeValue has more than one datatypes set, "
							+ "must contain exactly one of the supported datatypes")
			.reachesExpressions("an update's expression after its key",
					"{'TransactItems':[{'Update':{'TableName':'abc','Key':{'id':{'S':'a'}},'UpdateExpression':'REMOVE b'}}]}")
			.reachesExpressions("the first item's expressions before the second item's actions",
					"{'TransactItems':[{'ConditionCheck':{'TableName':'abc','Key':{'id':{'S':'a'}},"
							+ "'ConditionExpression':'attribute_exists(id)'}},{}]}")
			.stream();
	}

	private static String[] cappedErrors() {
		List<String> errors = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			errors.add(nullAt("transactItems." + i + ".member.put.item"));
			errors.add(nullAt("transactItems." + i + ".member.put.tableName"));
		}
		return errors.toArray(new String[0]);
	}

}
