package io.dynamodown.server.internal.validation;

import java.util.List;
import java.util.Map;

/**
 * {@code GetItem}: a key, and either {@code AttributesToGet} or a projection expression.
 */
final class GetItemRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("GetItemInput")
		.with("ReturnConsumedCapacity", Members.returnConsumedCapacity())
		.with("AttributesToGet", Members.attributesToGet())
		.with("TableName", Members.tableName())
		.with("Key", Members.attributes().notNull())
		.with("ConsistentRead", Shape.bool())
		.with("ProjectionExpression", Shape.string())
		.with("ExpressionAttributeNames", Members.expressionAttributeNames());

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		Checks.expressionParameters(data, List.of("ProjectionExpression"), List.of("AttributesToGet"));
		Checks.attributes(data.get("Key"));
		Checks.distinctAttributesToGet(data.get("AttributesToGet"));
		expressions.check(data);
	}

}
