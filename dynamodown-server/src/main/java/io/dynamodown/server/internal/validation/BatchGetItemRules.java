package io.dynamodown.server.internal.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;

/**
 * {@code BatchGetItem}: per table, either {@code AttributesToGet} or a projection
 * expression and distinct valid keys; at most 100 keys in all.
 */
final class BatchGetItemRules implements OperationRules {

	private static final int MAX_KEYS = 100;

	private static final Shape REQUEST = Shape.struct("BatchGetItemInput")
		.with("ReturnConsumedCapacity", Members.returnConsumedCapacity())
		.with("RequestItems",
				Shape
					.map("KeysAndAttributes",
							Shape.struct("KeysAndAttributes")
								.with("Keys",
										Shape.list(Shape.parameterizedMap(Shape.attributeValue()))
											.notNull()
											.minLength(1)
											.maxLength(MAX_KEYS))
								.with("AttributesToGet", Members.attributesToGet())
								.with("ConsistentRead", Shape.bool())
								.with("ProjectionExpression", Shape.string())
								.with("ExpressionAttributeNames", Members.expressionAttributeNames()))
					.notNull()
					.minLength(1)
					.keys(Constraint.maxLength(255), Constraint.minLength(3),
							Constraint.pattern(Members.NAME_PATTERN)));

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		int keyCount = 0;
		for (Object value : Checks.struct(data.get("RequestItems")).values()) {
			Map<String, Object> table = (Map<String, Object>) Checks.struct(value);
			Checks.expressionParameters(table, List.of("ProjectionExpression"), List.of("AttributesToGet"));
			Checks.distinctAttributesToGet(table.get("AttributesToGet"));
			expressions.check(table);
			Set<Map<String, AttributeValue>> seen = new HashSet<>();
			for (Object key : Checks.list(table.get("Keys"))) {
				Checks.attributes(key);
				if (!seen.add(AttributeValue.mapFromJson(Checks.struct(key)))) {
					throw DynamoDbError.validation("Provided list of item keys contains duplicates");
				}
				keyCount++;
				if (keyCount > MAX_KEYS) {
					throw DynamoDbError.validation("Too many items requested for the BatchGetItem call");
				}
			}
		}
	}

}
