package io.dynamodown.server.internal.validation;

import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * {@code TransactWriteItems}: 1 to 100 items of exactly one action each (a condition
 * check, put, delete or update) with valid keys and items and their own expressions.
 */
final class TransactWriteItemsRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("TransactWriteItemsInput")
		.with("TransactItems",
				Shape
					.list(Shape.struct("TransactWriteItem")
						.with("ConditionCheck",
								action("ConditionCheck", "Key").with("ConditionExpression", Shape.string().notNull()))
						.with("Put", action("Put", "Item").with("ConditionExpression", Shape.string()))
						.with("Delete", action("Delete", "Key").with("ConditionExpression", Shape.string()))
						.with("Update",
								action("Update", "Key").with("UpdateExpression", Shape.string().notNull())
									.with("ConditionExpression", Shape.string())))
					.notNull()
					.minLength(1)
					.maxLength(100))
		.with("ReturnConsumedCapacity", Members.returnConsumedCapacity())
		.with("ReturnItemCollectionMetrics", Members.returnItemCollectionMetrics())
		.with("ClientRequestToken", Shape.string().minLength(1).maxLength(36));

	private static Shape action(String type, String attributes) {
		return Shape.field(type)
			.with(attributes, Members.attributes().notNull())
			.with("TableName", Members.tableName())
			.with("ExpressionAttributeNames", Members.expressionAttributeNames())
			.with("ExpressionAttributeValues", Members.expressionAttributeValues())
			.with("ReturnValuesOnConditionCheckFailure", Members.returnValuesOnConditionCheckFailure());
	}

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		for (Object element : Checks.list(data.get("TransactItems"))) {
			Map<?, ?> item = Checks.struct(element);
			if (item.size() != 1) {
				throw DynamoDbError.validation("TransactItems can only contain one of Check, Put, Update or Delete");
			}
			String type = String.valueOf(item.keySet().iterator().next());
			Map<String, Object> action = (Map<String, Object>) Checks.struct(item.get(type));
			if (type.equals("Put")) {
				Checks.attributes(action.get("Item"));
				Checks.itemSize(action.get("Item"));
			}
			else {
				Checks.attributes(action.get("Key"));
			}
			expressions.check(action);
		}
	}

}
