package io.dynamodown.internal.table;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import io.dynamodown.table.AttributeNames;
import io.dynamodown.table.Billing;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * A store's table lifecycle at open: creates the table when it is missing and allowed to,
 * waits until it is {@code ACTIVE}, refuses a table that exists when
 * {@code errorIfExists} is set, and refuses a table whose key schema is not the store's.
 * It creates a table with a stream of {@code NEW_AND_OLD_IMAGES} (the change feed reads
 * it) and enables TTL on it, and warns when an existing table's TTL is not on the store's
 * expiry attribute.
 */
public final class TableManager {

	private static final Logger logger = LoggerFactory.getLogger(TableManager.class);

	private static final Duration POLL_START = Duration.ofMillis(20);

	private static final Duration POLL_MAX = Duration.ofSeconds(2);

	private final RequestRunner requests;

	private final KeyLayout layout;

	/**
	 * Creates the manager of one table.
	 * @param requests sends the requests
	 * @param layout the table and its attribute names
	 */
	public TableManager(RequestRunner requests, KeyLayout layout) {
		this.requests = requests;
		this.layout = layout;
	}

	/**
	 * Makes the table ready for the store.
	 * @param createIfMissing create the table when it does not exist
	 * @param errorIfExists refuse a table that already exists
	 * @param billing the billing of a table this creates
	 * @param activeTimeout how long to wait for the table to become {@code ACTIVE}
	 * @return whether this open created the table
	 * @throws StoreFailure {@link Kind#TABLE_MISSING}, {@link Kind#TABLE_EXISTS} or
	 * {@link Kind#SCHEMA_MISMATCH} as the case may be
	 */
	public boolean open(boolean createIfMissing, boolean errorIfExists, Billing billing, Duration activeTimeout) {
		TableDescription table = describeOrNull();
		boolean created = false;
		if (table == null) {
			if (!createIfMissing) {
				throw new StoreFailure(Kind.TABLE_MISSING,
						"table '" + this.layout.table() + "' does not exist and createIfMissing is false");
			}
			table = create(billing);
			created = true;
		}
		else if (errorIfExists) {
			throw new StoreFailure(Kind.TABLE_EXISTS,
					"table '" + this.layout.table() + "' exists and errorIfExists is true");
		}
		checkSchema(table);
		awaitActive(table, activeTimeout);
		if (created) {
			enableTimeToLive();
		}
		else {
			checkTimeToLive();
		}
		return created;
	}

	/**
	 * Turns on DynamoDB's deletion of expired items, on the store's expiry attribute, for
	 * a table the store created.
	 */
	private void enableTimeToLive() {
		this.requests.run(Operation.UPDATE_TIME_TO_LIVE,
				UpdateTimeToLiveRequest.builder()
					.tableName(this.layout.table())
					.timeToLiveSpecification((ttl) -> ttl.enabled(true).attributeName(this.layout.names().ttl()))
					.build());
	}

	/**
	 * Warns when an existing table's TTL is off or on another attribute: reads still
	 * leave expired keys out, but DynamoDB never deletes them, so they keep costing
	 * storage and the read capacity of the queries that skip them. Opening does not fail:
	 * the table may not be the store's to change, and a missing permission to describe
	 * its TTL is only reported.
	 */
	private void checkTimeToLive() {
		String attribute = this.layout.names().ttl();
		TimeToLiveDescription ttl;
		try {
			ttl = this.requests
				.run(Operation.DESCRIBE_TIME_TO_LIVE,
						DescribeTimeToLiveRequest.builder().tableName(this.layout.table()).build())
				.timeToLiveDescription();
		}
		catch (StoreFailure ex) {
			logger.warn("Could not check the TTL of DynamoDB table '{}' (expected on attribute '{}'): {}",
					this.layout.table(), attribute, ex.getMessage());
			return;
		}
		TimeToLiveStatus status = (ttl != null) ? ttl.timeToLiveStatus() : null;
		boolean on = status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING;
		if (!on || ttl == null || !attribute.equals(ttl.attributeName())) {
			logger.warn(
					"DynamoDB table '{}' has TTL {}{}, the store's expiry attribute is '{}': expired keys are"
							+ " left out of reads but never deleted by DynamoDB",
					this.layout.table(), (status != null) ? status : "DISABLED",
					(ttl != null && ttl.attributeName() != null) ? " on attribute '" + ttl.attributeName() + "'" : "",
					attribute);
		}
	}

	/**
	 * Describes the table.
	 * @return the table's description
	 * @throws StoreFailure {@link Kind#TABLE_MISSING} when it does not exist
	 */
	public TableDescription describe() {
		return this.requests
			.run(Operation.DESCRIBE_TABLE, DescribeTableRequest.builder().tableName(this.layout.table()).build())
			.table();
	}

	private @Nullable TableDescription describeOrNull() {
		try {
			return describe();
		}
		catch (StoreFailure ex) {
			if (ex.kind() == Kind.TABLE_MISSING) {
				return null;
			}
			throw ex;
		}
	}

	private TableDescription create(Billing billing) {
		AttributeNames names = this.layout.names();
		CreateTableRequest.Builder request = CreateTableRequest.builder()
			.tableName(this.layout.table())
			.keySchema(KeySchemaElement.builder().attributeName(names.hashKey()).keyType(KeyType.HASH).build(),
					KeySchemaElement.builder().attributeName(names.sortKey()).keyType(KeyType.RANGE).build())
			.attributeDefinitions(
					AttributeDefinition.builder()
						.attributeName(names.hashKey())
						.attributeType(ScalarAttributeType.S)
						.build(),
					AttributeDefinition.builder()
						.attributeName(names.sortKey())
						.attributeType(ScalarAttributeType.B)
						.build())
			.streamSpecification(
					(stream) -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
		if (billing.isOnDemand()) {
			request.billingMode(BillingMode.PAY_PER_REQUEST);
		}
		else {
			request.billingMode(BillingMode.PROVISIONED)
				.provisionedThroughput(
						(t) -> t.readCapacityUnits(billing.readCapacity()).writeCapacityUnits(billing.writeCapacity()));
		}
		try {
			TableDescription created = this.requests.run(Operation.CREATE_TABLE, request.build()).tableDescription();
			logger.info("Created DynamoDB table '{}' ({})", this.layout.table(),
					billing.isOnDemand() ? "on-demand" : "provisioned " + billing);
			return created;
		}
		catch (StoreFailure ex) {
			if (ex.getCause() instanceof ResourceInUseException) {
				return describe();
			}
			throw ex;
		}
	}

	private void checkSchema(TableDescription table) {
		AttributeNames names = this.layout.names();
		String expected = names.hashKey() + " HASH S, " + names.sortKey() + " RANGE B";
		String found = schemaOf(table);
		if (!expected.equals(found)) {
			throw new StoreFailure(Kind.SCHEMA_MISMATCH, "table '" + this.layout.table() + "' has key schema [" + found
					+ "], the store needs [" + expected + "]");
		}
	}

	private static String schemaOf(TableDescription table) {
		List<KeySchemaElement> keys = table.keySchema();
		return keys.stream()
			.sorted((a, b) -> a.keyType().compareTo(b.keyType()))
			.map((key) -> key.attributeName() + " " + key.keyTypeAsString() + " " + typeOf(table, key.attributeName()))
			.collect(Collectors.joining(", "));
	}

	private static String typeOf(TableDescription table, String attribute) {
		return table.attributeDefinitions()
			.stream()
			.filter((definition) -> definition.attributeName().equals(attribute))
			.map(AttributeDefinition::attributeTypeAsString)
			.findFirst()
			.orElse("?");
	}

	private void awaitActive(TableDescription table, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Duration pause = POLL_START;
		TableDescription current = table;
		while (current.tableStatus() != TableStatus.ACTIVE) {
			if (System.nanoTime() > deadline) {
				throw new StoreFailure(Kind.REQUEST_FAILED, "table '" + this.layout.table() + "' is still "
						+ current.tableStatusAsString() + " after " + timeout);
			}
			sleep(pause);
			pause = (pause.compareTo(POLL_MAX) < 0) ? pause.multipliedBy(2) : POLL_MAX;
			current = describe();
		}
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreFailure(Kind.REQUEST_FAILED, "interrupted while waiting for the table", ex);
		}
	}

}
