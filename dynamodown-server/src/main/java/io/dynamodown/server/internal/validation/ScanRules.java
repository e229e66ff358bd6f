package io.dynamodown.server.internal.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;
import org.jspecify.annotations.Nullable;

/**
 * {@code Scan}: legacy filters with valid operands, a valid start key, {@code Segment}
 * and {@code TotalSegments} together and in order, and {@code Select} that suits the
 * projection.
 */
final class ScanRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("ScanInput")
		.with("Select",
				Shape.string().oneOf("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"))
		.with("IndexName", Members.indexName())
		.with("TotalSegments", Shape.integer().min(1).max(1000000))
		.with("ReturnConsumedCapacity", Members.returnConsumedCapacity())
		.with("TableName", Members.tableName())
		.with("ConditionalOperator", Members.conditionalOperator())
		.with("ScanFilter", Members.filter())
		.with("Segment", Shape.integer().min(0).max(999999))
		.with("Limit", Shape.integer().min(1))
		.with("AttributesToGet", Members.attributesToGet())
		.with("ExclusiveStartKey", Members.attributes())
		.with("ConsistentRead", Shape.bool())
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
		Checks.expressionParameters(data, List.of("ProjectionExpression", "FilterExpression"),
				List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"));
		Checks.distinctAttributesToGet(data.get("AttributesToGet"));
		Checks.fail(LegacyConditions.conditionsProblem(data.get("ScanFilter")));
		StartKeyRule.check(data.get("ExclusiveStartKey"));
		checkSegments(data.get("Segment"), data.get("TotalSegments"));
		expressions.check(data);
		SelectRule.check(data, "Scanning");
	}

	private static void checkSegments(@Nullable Object segment, @Nullable Object totalSegments) {
		// A zero Segment alone is accepted, as DynamoDB does.
		if (segment != null && ((BigDecimal) segment).signum() != 0 && totalSegments == null) {
			throw DynamoDbError.validation("The TotalSegments parameter is required but was not present in the request "
					+ "when Segment parameter is present");
		}
		if (totalSegments != null) {
			if (segment == null) {
				throw DynamoDbError.validation("The Segment parameter is required but was not present in the request "
						+ "when parameter TotalSegments is present");
			}
			if (((BigDecimal) segment).compareTo((BigDecimal) totalSegments) >= 0) {
				throw DynamoDbError.validation("The Segment parameter is zero-based and must be less than parameter "
						+ "TotalSegments: Segment: " + JsonText.number((BigDecimal) segment) + " is not less than "
						+ "TotalSegments: " + JsonText.number((BigDecimal) totalSegments));
			}
		}
	}

}
