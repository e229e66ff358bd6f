package io.dynamodown.server.internal.validation;

/**
 * The member shapes several operations share, with DynamoDB's constraints.
 */
final class Members {

	static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";

	static final String[] COMPARISON_OPERATORS = { "IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT",
			"NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS" };

	private Members() {
	}

	/** A table name of an item operation, checked among the other constraints. */
	static Shape tableName() {
		return Shape.string().notNull().pattern(NAME_PATTERN).minLength(3).maxLength(255);
	}

	/** A table name of a table operation, whose absence and length are reported alone. */
	static Shape requiredTableName() {
		return Shape.string().required().tableName().pattern(NAME_PATTERN);
	}

	static Shape indexName() {
		return Shape.string().pattern(NAME_PATTERN).minLength(3).maxLength(255);
	}

	static Shape returnConsumedCapacity() {
		return Shape.string().oneOf("INDEXES", "TOTAL", "NONE");
	}

	static Shape returnItemCollectionMetrics() {
		return Shape.string().oneOf("SIZE", "NONE");
	}

	static Shape returnValues() {
		return Shape.string().oneOf("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
	}

	static Shape returnValuesOnConditionCheckFailure() {
		return Shape.string().oneOf("ALL_OLD", "NONE");
	}

	/** An item, a key or an exclusive start key: attribute values by name. */
	static Shape attributes() {
		return Shape.map("AttributeValue", Shape.attributeValue());
	}

	static Shape conditionalOperator() {
		return Shape.string().oneOf("OR", "AND");
	}

	static Shape expected() {
		return Shape.map("ExpectedAttributeValue",
				Shape.struct("ExpectedAttributeValue")
					.with("AttributeValueList", Shape.list(Shape.attributeValue()))
					.with("ComparisonOperator", Shape.string().oneOf(COMPARISON_OPERATORS))
					.with("Exists", Shape.bool())
					.with("Value", Shape.attributeField()));
	}

	/** Query and scan filters: a list of operands, then a required operator. */
	static Shape filter() {
		return Shape.map("Condition",
				Shape.struct("Condition")
					.with("AttributeValueList", Shape.list(Shape.attributeValue()))
					.with("ComparisonOperator", Shape.string().notNull().oneOf(COMPARISON_OPERATORS)));
	}

	/** Key conditions: a required operator, then a list of operands. */
	static Shape keyConditions() {
		return Shape.map("Condition",
				Shape.struct("Condition")
					.with("ComparisonOperator", Shape.string().notNull().oneOf(COMPARISON_OPERATORS))
					.with("AttributeValueList", Shape.list(Shape.attributeValue())));
	}

	static Shape expressionAttributeValues() {
		return attributes();
	}

	static Shape expressionAttributeNames() {
		return Shape.map("java.lang.String", Shape.string());
	}

	static Shape attributesToGet() {
		return Shape.list(Shape.string()).minLength(1).maxLength(255);
	}

	static Shape provisionedThroughput() {
		return Shape.field("ProvisionedThroughput")
			.with("WriteCapacityUnits", Shape.longInteger().notNull().min(1))
			.with("ReadCapacityUnits", Shape.longInteger().notNull().min(1));
	}

	/**
	 * A key schema.
	 * @param typed whether the key types are constrained to {@code HASH} and
	 * {@code RANGE} (the table's are; an index's are checked later)
	 * @return the shape
	 */
	static Shape keySchema(boolean typed) {
		Shape keyType = Shape.string().notNull();
		return Shape
			.list(Shape.struct("KeySchemaElement")
				.with("AttributeName", Shape.string().notNull())
				.with("KeyType", typed ? keyType.oneOf("HASH", "RANGE") : keyType))
			.notNull()
			.minLength(1)
			.maxLength(2);
	}

	static Shape projection() {
		return Shape.field("Projection")
			.notNull()
			.with("ProjectionType", Shape.string().oneOf("ALL", "INCLUDE", "KEYS_ONLY"))
			.with("NonKeyAttributes", Shape.list(Shape.string()).minLength(1));
	}

	static Shape streamSpecification() {
		return Shape.field("StreamSpecification")
			.with("StreamEnabled", Shape.bool().notNull())
			.with("StreamViewType", Shape.string().oneOf("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"));
	}

	static Shape sseSpecification() {
		return Shape.field("SSESpecification")
			.with("Enabled", Shape.bool())
			.with("SSEType", Shape.string().oneOf("AES256", "KMS"))
			.with("KMSMasterKeyId", Shape.string());
	}

	static Shape billingMode() {
		return Shape.string().oneOf("PROVISIONED", "PAY_PER_REQUEST");
	}

	/** A table class, whose value DynamoDB checks in a message of its own. */
	static Shape tableClass() {
		return Shape.string();
	}

	/** A stream's ARN, as the streams operations take it. */
	static Shape streamArn() {
		return Shape.string().minLength(37).maxLength(1024);
	}

	/** A shard's identifier, as the streams operations take it. */
	static Shape shardId() {
		return Shape.string().minLength(28).maxLength(65);
	}

	/**
	 * A page size of a streams operation: the API reference constrains it to at least 1
	 * only; its upper limit (100 streams or shards, 1000 records) caps what a page
	 * returns and is the engine's to apply.
	 */
	static Shape streamsLimit() {
		return Shape.integer().min(1);
	}

	static Shape tags() {
		return Shape.list(Shape.struct("Tag").with("Key", Shape.string()).with("Value", Shape.string()));
	}

}
