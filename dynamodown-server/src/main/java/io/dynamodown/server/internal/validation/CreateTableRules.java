package io.dynamodown.server.internal.validation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.dynamodown.server.internal.error.DynamoDbError;
import org.jspecify.annotations.Nullable;

/**
 * {@code CreateTable}: billing mode against provisioned throughput, the key schema
 * against the attribute definitions, each secondary index's key schema and projection,
 * index counts and names, the stream specification, encryption and table class.
 */
final class CreateTableRules implements OperationRules {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final BigDecimal MAX_CAPACITY = BigDecimal.valueOf(1_000_000_000_000L);

	private static final Shape REQUEST = Shape.struct("CreateTableInput")
		.with("AttributeDefinitions",
				Shape
					.list(Shape.struct("AttributeDefinition")
						.with("AttributeName", Shape.string().notNull())
						.with("AttributeType", Shape.string().notNull().oneOf("B", "N", "S")))
					.notNull())
		.with("TableName", Members.requiredTableName())
		.with("BillingMode", Members.billingMode())
		.with("ProvisionedThroughput", Members.provisionedThroughput())
		.with("KeySchema", Members.keySchema(true))
		.with("LocalSecondaryIndexes",
				Shape.list(Shape.struct("LocalSecondaryIndex")
					.with("IndexName", Members.indexName().notNull())
					.with("KeySchema", Members.keySchema(false))
					.with("Projection", Members.projection())))
		.with("GlobalSecondaryIndexes",
				Shape.list(Shape.struct("GlobalSecondaryIndex")
					.with("IndexName", Members.indexName().notNull())
					.with("KeySchema", Members.keySchema(false))
					.with("Projection", Members.projection())
					.with("ProvisionedThroughput", Members.provisionedThroughput())))
		.with("StreamSpecification", Members.streamSpecification())
		.with("SSESpecification", Members.sseSpecification())
		.with("Tags", Members.tags())
		.with("TableClass", Members.tableClass())
		.with("DeletionProtectionEnabled", Shape.bool());

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		checkBilling(data);
		List<?> definitions = Checks.list(data.get("AttributeDefinitions"));
		List<?> keySchema = Checks.list(data.get("KeySchema"));
		List<Object> defined = names(definitions, "AttributeName");
		List<Object> keys = names(keySchema, "AttributeName");
		if (keys.size() > defined.size()) {
			throw DynamoDbError.validation("Invalid KeySchema: Some index key attribute have no definition");
		}
		Checks.fail(undefinedKeys(keys, defined));
		Checks.fail(KeySchemaRule.problem(keySchema));
		Object locals = data.get("LocalSecondaryIndexes");
		Object globals = data.get("GlobalSecondaryIndexes");
		if (locals == null && globals == null && keySchema.size() != definitions.size()) {
			throw DynamoDbError.validation(INVALID + "Number of attributes in KeySchema does not exactly match number "
					+ "of attributes defined in AttributeDefinitions");
		}
		Set<Object> indexNames = new HashSet<>();
		if (locals != null) {
			checkLocalIndexes(Checks.list(locals), keySchema, defined, indexNames);
		}
		if (globals != null) {
			checkGlobalIndexes(Checks.list(globals), data.get("BillingMode"), defined, indexNames);
		}
		checkStream(Checks.struct(data.get("StreamSpecification")));
		Checks.fail(SseRule.problem(data.get("SSESpecification")));
		TableClassRule.check(data.get("TableClass"));
	}

	private static void checkBilling(Map<String, Object> data) {
		Map<?, ?> throughput = Checks.struct(data.get("ProvisionedThroughput"));
		if ("PAY_PER_REQUEST".equals(data.get("BillingMode"))) {
			if (data.get("ProvisionedThroughput") != null) {
				throw DynamoDbError.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be "
						+ "specified when BillingMode is PAY_PER_REQUEST");
			}
			return;
		}
		Object read = throughput.get("ReadCapacityUnits");
		Object write = throughput.get("WriteCapacityUnits");
		if (read == null || write == null) {
			throw DynamoDbError.validation(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be "
					+ "specified when BillingMode is PROVISIONED");
		}
		checkCapacity(read, "ReadCapacityUnits");
		checkCapacity(write, "WriteCapacityUnits");
	}

	/**
	 * Rejects a capacity above DynamoDB's bound.
	 * @param units the type-checked capacity
	 * @param name the member's name
	 */
	static void checkCapacity(@Nullable Object units, String name) {
		if (units instanceof BigDecimal number && number.compareTo(MAX_CAPACITY) > 0) {
			throw DynamoDbError
				.validation("Given value " + JsonText.number(number) + " for " + name + " is out of bounds");
		}
	}

	private void checkLocalIndexes(List<?> indexes, List<?> keySchema, List<Object> defined, Set<Object> names) {
		if (indexes.isEmpty()) {
			throw DynamoDbError.validation(INVALID + "List of LocalSecondaryIndexes is empty");
		}
		if (keySchema.size() != 2) {
			throw DynamoDbError.validation(INVALID + "Table KeySchema does not have a range key, which is required "
					+ "when specifying a LocalSecondaryIndex");
		}
		Object tableHash = Checks.struct(keySchema.get(0)).get("AttributeName");
		for (Object element : indexes) {
			Map<?, ?> index = Checks.struct(element);
			Object name = index.get("IndexName");
			List<?> indexKeys = Checks.list(index.get("KeySchema"));
			checkIndexKeys(indexKeys, defined);
			if (indexKeys.size() != 2) {
				throw DynamoDbError
					.validation(INVALID + "Index KeySchema does not have a range key for index: " + name);
			}
			Object indexHash = Checks.struct(indexKeys.get(0)).get("AttributeName");
			if (!Objects.equals(indexHash, tableHash)) {
				throw DynamoDbError.validation(INVALID + "Index KeySchema does not have the same leading hash key as "
						+ "table KeySchema for index: " + name + ". index hash key: " + indexHash + ", table hash key: "
						+ tableHash);
			}
			checkProjection(Checks.struct(index.get("Projection")));
			checkUnique(name, names);
		}
		if (indexes.size() > 5) {
			throw DynamoDbError.validation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
		}
	}

	private void checkGlobalIndexes(List<?> indexes, @Nullable Object billingMode, List<Object> defined,
			Set<Object> names) {
		if (indexes.isEmpty()) {
			throw DynamoDbError.validation(INVALID + "List of GlobalSecondaryIndexes is empty");
		}
		for (Object element : indexes) {
			Map<?, ?> index = Checks.struct(element);
			Object name = index.get("IndexName");
			checkIndexKeys(Checks.list(index.get("KeySchema")), defined);
			checkProjection(Checks.struct(index.get("Projection")));
			if ("PAY_PER_REQUEST".equals(billingMode) && index.get("ProvisionedThroughput") != null) {
				throw DynamoDbError.validation(INVALID + "ProvisionedThroughput should not be specified for index: "
						+ name + " when BillingMode is PAY_PER_REQUEST");
			}
			checkUnique(name, names);
		}
		if (indexes.size() > 20) {
			throw DynamoDbError.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
		}
	}

	private static void checkIndexKeys(List<?> indexKeys, List<Object> defined) {
		Checks.fail(undefinedKeys(names(indexKeys, "AttributeName"), defined));
		Checks.fail(KeySchemaRule.problem(indexKeys));
	}

	private static void checkProjection(Map<?, ?> projection) {
		Object type = projection.get("ProjectionType");
		if (type == null) {
			throw DynamoDbError.validation(INVALID + "Unknown ProjectionType: null");
		}
		boolean hasNonKeyAttributes = projection.get("NonKeyAttributes") != null;
		if (hasNonKeyAttributes && !"INCLUDE".equals(type)) {
			throw DynamoDbError
				.validation(INVALID + "ProjectionType is " + type + ", but NonKeyAttributes is specified");
		}
		if (!hasNonKeyAttributes && "INCLUDE".equals(type)) {
			throw DynamoDbError
				.validation(INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
		}
	}

	private static void checkUnique(@Nullable Object name, Set<Object> names) {
		if (!names.add(String.valueOf(name))) {
			throw DynamoDbError.validation(INVALID + "Duplicate index name: " + name);
		}
	}

	private static void checkStream(Map<?, ?> stream) {
		Object enabled = stream.get("StreamEnabled");
		Object viewType = stream.get("StreamViewType");
		if (Boolean.TRUE.equals(enabled) && viewType == null) {
			throw DynamoDbError
				.validation(INVALID + "Table is being created with a stream enabled, UpdateViewType is required");
		}
		if (Boolean.FALSE.equals(enabled) && viewType != null) {
			throw DynamoDbError.validation(
					INVALID + "Table is being created with a stream disabled, UpdateViewType should not be specified");
		}
	}

	private static @Nullable String undefinedKeys(List<Object> keys, List<Object> defined) {
		if (defined.containsAll(keys)) {
			return null;
		}
		return INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: " + text(keys)
				+ ", AttributeDefinitions: " + text(defined);
	}

	private static String text(List<Object> names) {
		return names.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
	}

	/**
	 * Returns one member of each structure of a list.
	 * @param structs the structures
	 * @param member the member's name
	 * @return the member's values, {@code null} where absent
	 */
	static List<Object> names(List<?> structs, String member) {
		return structs.stream()
			.map((struct) -> (Object) Checks.struct(struct).get(member))
			.collect(Collectors.toList());
	}

}
