package io.dynamodown.server.internal.validation;

import java.util.Map;

/**
 * {@code TransactGetItems}: 1 to 100 gets, each of a valid key with its own expressions.
 */
final class TransactGetItemsRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("TransactGetItemsInput")
		.with("TransactItems",
				Shape
					.list(Shape.struct("TransactGetItem")
						.with("Get",
								Shape.field("Get")
									.notNull()
									.with("Key", Members.attributes().notNull())
									.with("TableName", Members.tableName())
									.with("ProjectionExpression", Shape.string())
									.with("ExpressionAttributeNames", Members.expressionAttributeNames())))
					.notNull()
					.minLength(1)
					.maxLength(100))
		.with("ReturnConsumedCapacity", Members.returnConsumedCapacity());

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		for (Object item : Checks.list(data.get("TransactItems"))) {
			Map<String, Object> get = (Map<String, Object>) Checks.struct(Checks.struct(item).get("Get"));
			Checks.attributes(get.get("Key"));
			expressions.check(get);
		}
	}

}
