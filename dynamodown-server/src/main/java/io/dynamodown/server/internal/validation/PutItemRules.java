package io.dynamodown.server.internal.validation;

import java.util.List;
import java.util.Map;

/**
 * {@code PutItem}: an item within DynamoDB's size limit, {@code ReturnValues} of
 * {@code ALL_OLD} or {@code NONE}, and either {@code Expected} or a condition expression.
 */
final class PutItemRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("PutItemInput")
		.with("ReturnConsumedCapacity", Members.returnConsumedCapacity())
		.with("TableName", Members.tableName())
		.with("Item", Members.attributes().notNull())
		.with("ConditionalOperator", Members.conditionalOperator())
		.with("Expected", Members.expected())
		.with("ReturnValues", Members.returnValues())
		.with("ReturnItemCollectionMetrics", Members.returnItemCollectionMetrics())
		.with("ReturnValuesOnConditionCheckFailure", Members.returnValuesOnConditionCheckFailure())
		.with("ConditionExpression", Shape.string())
		.with("ExpressionAttributeValues", Members.expressionAttributeValues())
		.with("ExpressionAttributeNames", Members.expressionAttributeNames());

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		Checks.expressionParameters(data, List.of("ConditionExpression"), List.of("Expected"));
		Checks.attributes(data.get("Item"));
		ReturnValuesRule.allOldOrNone(data);
		Checks.itemSize(data.get("Item"));
		Checks.fail(LegacyConditions.expectedProblem(data.get("Expected")));
		expressions.check(data);
	}

}
