package io.dynamodown.server.internal.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * {@code Query}: either key conditions or a key condition expression, legacy filters with
 * valid operands, a valid start key, and {@code Select} that suits the projection.
 */
final class QueryRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("QueryInput")
		.with("Select",
				Shape.string().oneOf("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"))
		.with("IndexName", Members.indexName())
		.with("ReturnConsumedCapacity", Members.returnConsumedCapacity())
		.with("QueryFilter", Members.filter())
		.with("TableName", Members.tableName())
		.with("ConditionalOperator", Members.conditionalOperator())
		.with("AttributesToGet", Members.attributesToGet())
		.with("Limit", Shape.integer().min(1))
		.with("KeyConditions", Members.keyConditions())
		.with("ExclusiveStartKey", Members.attributes())
		.with("ConsistentRead", Shape.bool())
		.with("ScanIndexForward", Shape.bool())
		.with("KeyConditionExpression", Shape.string())
		.with("FilterExpression", Shape.string())
		.with("ProjectionExpression", Shape.string())
		.with("ExpressionAttributeValues", Members.expressionAttributeValues())
		.with("ExpressionAttributeNames", Members.expressionAttributeNames());

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		Checks.expressionParameters(data, List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
				List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"));
		Checks.fail(LegacyConditions.conditionsProblem(data.get("QueryFilter")));
		Checks.distinctAttributesToGet(data.get("AttributesToGet"));
		StartKeyRule.check(data.get("ExclusiveStartKey"));
		if (data.get("KeyConditions") == null && data.get("KeyConditionExpression") == null) {
			throw DynamoDbError.validation(
					"Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
		}
		if (data.get("KeyConditionExpression") != null) {
			// the expression check validates the key conditions the expression makes
			expressions.check(data);
		}
		else {
			// legacy KeyConditions are checked after the expressions, in the words below
			Map<String, Object> withoutKeyConditions = new LinkedHashMap<>(data);
			withoutKeyConditions.remove("KeyConditions");
			expressions.check(withoutKeyConditions);
			Object keyConditions = data.get("KeyConditions");
			Checks.fail(LegacyConditions.conditionsProblem(keyConditions));
			int count = Checks.struct(keyConditions).size();
			if (count != 1 && count != 2) {
				throw DynamoDbError.validation("Conditions can be of length 1 or 2 only");
			}
		}
		SelectRule.check(data, "Querying");
	}

}
