package io.dynamodown.server.internal.validation;

import java.util.List;
import java.util.Map;

/**
 * {@code DeleteItem}: a key, {@code ReturnValues} of {@code ALL_OLD} or {@code NONE}, and
 * either {@code Expected} or a condition expression.
 */
final class DeleteItemRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("DeleteItemInput")
		.with("ReturnConsumedCapacity", Members.returnConsumedCapacity())
		.with("TableName", Members.tableName())
		.with("ReturnValues", Members.returnValues())
		.with("ReturnItemCollectionMetrics", Members.returnItemCollectionMetrics())
		.with("ReturnValuesOnConditionCheckFailure", Members.returnValuesOnConditionCheckFailure())
		.with("Key", Members.attributes().notNull())
		.with("ConditionalOperator", Members.conditionalOperator())
		.with("Expected", Members.expected())
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
		Checks.attributes(data.get("Key"));
		ReturnValuesRule.allOldOrNone(data);
		Checks.fail(LegacyConditions.expectedProblem(data.get("Expected")));
		expressions.check(data);
	}

}
