package io.dynamodown.server.internal.validation;

import java.util.List;
import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * {@code BatchWriteItem}: 1 to 25 requests per table, each a put of a valid item within
 * the size limit or a delete of a valid key. Duplicate keys need the table's key schema
 * and are the engine's to find.
 */
final class BatchWriteItemRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("BatchWriteItemInput")
		.with("ReturnConsumedCapacity", Members.returnConsumedCapacity())
		.with("ReturnItemCollectionMetrics", Members.returnItemCollectionMetrics())
		.with("RequestItems",
				Shape
					.map("java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>",
							Shape.parameterizedList(Shape.struct("WriteRequest")
								.with("DeleteRequest",
										Shape.field("DeleteRequest").with("Key", Members.attributes().notNull()))
								.with("PutRequest",
										Shape.field("PutRequest").with("Item", Members.attributes().notNull()))))
					.notNull()
					.minLength(1)
					.keys(Constraint.maxLength(255), Constraint.minLength(3), Constraint.pattern(Members.NAME_PATTERN))
					.values(Constraint.maxLength(25), Constraint.minLength(1)));

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		for (Object value : Checks.struct(data.get("RequestItems")).values()) {
			List<?> requests = Checks.list(value);
			// DynamoDB words a request with neither member like an attribute value with
			// two types.
			if (requests.stream().anyMatch((request) -> Checks.struct(request).isEmpty())) {
				throw DynamoDbError.validation("Supplied AttributeValue has more than one datatypes set, "
						+ "must contain exactly one of the supported datatypes");
			}
			for (Object element : requests) {
				Map<?, ?> request = Checks.struct(element);
				if (request.get("PutRequest") != null) {
					Object item = Checks.struct(request.get("PutRequest")).get("Item");
					Checks.attributes(item);
					Checks.itemSize(item);
				}
				else {
					Checks.attributes(Checks.struct(request.get("DeleteRequest")).get("Key"));
				}
			}
		}
	}

}
