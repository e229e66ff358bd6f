package io.dynamodown.server.internal.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * {@code UpdateTable}: at least one change, provisioned throughput with the provisioned
 * billing mode and within bounds, one action per index update and one update per index, a
 * consistent stream specification, encryption and table class.
 */
final class UpdateTableRules implements OperationRules {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final List<String> CHANGES = List.of("ProvisionedThroughput", "BillingMode", "StreamSpecification",
			"SSESpecification", "TableClass", "DeletionProtectionEnabled");

	private static final Shape REQUEST = Shape.struct("UpdateTableInput")
		.with("TableName", Members.requiredTableName())
		.with("ProvisionedThroughput", Members.provisionedThroughput())
		.with("BillingMode", Members.billingMode())
		.with("AttributeDefinitions",
				Shape.list(Shape.struct("AttributeDefinition")
					.with("AttributeName", Shape.string().notNull())
					.with("AttributeType", Shape.string().notNull().oneOf("B", "N", "S"))))
		.with("GlobalSecondaryIndexUpdates",
				Shape.list(Shape.struct("GlobalSecondaryIndexUpdate")
					.with("Update",
							Shape.field("UpdateGlobalSecondaryIndexAction")
								.with("IndexName", Members.indexName().notNull())
								.with("ProvisionedThroughput", Members.provisionedThroughput().notNull()))
					.with("Create",
							Shape.field("CreateGlobalSecondaryIndexAction")
								.with("Projection", Members.projection())
								.with("IndexName", Members.indexName().notNull())
								.with("ProvisionedThroughput", Members.provisionedThroughput())
								.with("KeySchema", Members.keySchema(false)))
					.with("Delete",
							Shape.field("DeleteGlobalSecondaryIndexAction")
								.with("IndexName", Members.indexName().notNull()))))
		.with("StreamSpecification", Members.streamSpecification())
		.with("SSESpecification", Members.sseSpecification())
		.with("TableClass", Members.tableClass())
		.with("DeletionProtectionEnabled", Shape.bool());

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		List<?> indexUpdates = Checks.list(data.get("GlobalSecondaryIndexUpdates"));
		if (indexUpdates.isEmpty() && CHANGES.stream().allMatch((name) -> data.get(name) == null)) {
			throw DynamoDbError.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
					+ "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
		}
		Object throughput = data.get("ProvisionedThroughput");
		if ("PROVISIONED".equals(data.get("BillingMode")) && throughput == null) {
			throw DynamoDbError
				.validation(INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
		}
		if ("PAY_PER_REQUEST".equals(data.get("BillingMode")) && throughput != null) {
			throw DynamoDbError.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be "
					+ "specified when BillingMode is PAY_PER_REQUEST");
		}
		CreateTableRules.checkCapacity(Checks.struct(throughput).get("ReadCapacityUnits"), "ReadCapacityUnits");
		CreateTableRules.checkCapacity(Checks.struct(throughput).get("WriteCapacityUnits"), "WriteCapacityUnits");
		checkIndexUpdates(indexUpdates);
		checkStream(Checks.struct(data.get("StreamSpecification")));
		Checks.fail(SseRule.problem(data.get("SSESpecification")));
		TableClassRule.check(data.get("TableClass"));
	}

	private static void checkIndexUpdates(List<?> indexUpdates) {
		Set<String> names = new HashSet<>();
		for (Object element : indexUpdates) {
			Map<?, ?> update = Checks.struct(element);
			Object action = (update.get("Update") != null) ? update.get("Update")
					: (update.get("Create") != null) ? update.get("Create") : update.get("Delete");
			if (action == null) {
				throw DynamoDbError.validation(INVALID + "One of GlobalSecondaryIndexUpdate.Update, "
						+ "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
			}
			String name = String.valueOf(Checks.struct(action).get("IndexName"));
			if (!names.add(name)) {
				throw DynamoDbError.validation(INVALID
						+ "Only one global secondary index update per index is allowed simultaneously. Index: " + name);
			}
		}
	}

	private static void checkStream(Map<?, ?> stream) {
		Object enabled = stream.get("StreamEnabled");
		Object viewType = stream.get("StreamViewType");
		if (Boolean.TRUE.equals(enabled) && viewType == null) {
			throw DynamoDbError.validation(INVALID + "If stream is being enabled then UpdateViewType is required");
		}
		if (Boolean.FALSE.equals(enabled) && viewType != null) {
			throw DynamoDbError
				.validation(INVALID + "If stream is being disabled, then UpdateViewType must not be specified");
		}
	}

}
