package io.dynamodown.internal.table;

import java.util.Map;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.layout.Records;
import io.dynamodown.internal.limit.Limits;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * A database's descriptor: its own record ({@link Records}, name {@value #NAME}, on the
 * base hash key) whose value attribute is a map holding the shard count as the Number
 * {@value #SHARDS}. It is written once, on the database's first open, by a conditional
 * put (so that of two first opens with different counts one wins and the other is
 * refused); every later open reads it (one {@code GetItem}) and refuses another count
 * with {@link Kind#SCHEMA_MISMATCH}.
 * <p>
 * A database written before descriptors existed has none and holds 1 shard: opened with
 * one shard it gets its descriptor, opened with more it is refused (one {@code Query} of
 * a single key tells it from a new database). When the descriptor of a one-shard database
 * cannot be written (a role that may only read), the database opens all the same, as one
 * without a descriptor, and a warning says why.
 */
public final class Descriptor {

	/** The descriptor's record name. */
	public static final String NAME = "descriptor";

	/** The name, in the descriptor's value map, of the shard count. */
	public static final String SHARDS = "shards";

	private static final Logger logger = LoggerFactory.getLogger(Descriptor.class);

	private final RequestRunner requests;

	private final KeyLayout layout;

	/**
	 * Creates the descriptor of a database.
	 * @param requests sends the requests
	 * @param layout the database's layout, with the shard count it is opened with
	 */
	public Descriptor(RequestRunner requests, KeyLayout layout) {
		this.requests = requests;
		this.layout = layout;
	}

	/**
	 * Settles the shard count at open: reads the descriptor and checks it, or records the
	 * count of a new database.
	 * @param tableCreated whether the table was created by this open (then no database is
	 * in it yet, and the descriptor is written without a read first)
	 * @throws StoreFailure {@link Kind#SCHEMA_MISMATCH} naming both counts and the option
	 * to change when the database has another count; {@link Kind#CORRUPT_ITEM} when its
	 * descriptor cannot be read
	 */
	public void settle(boolean tableCreated) {
		if (!tableCreated) {
			Map<String, AttributeValue> item = this.requests.run(Operation.GET_ITEM, get()).item();
			if (item != null && !item.isEmpty()) {
				check(recordedShards(item), "recorded in its descriptor");
				return;
			}
			if (this.layout.shards() > 1 && holdsItems()) {
				check(1, "it has no descriptor: it was written before shard counts were recorded");
			}
		}
		record();
	}

	private void record() {
		try {
			this.requests.run(Operation.PUT_ITEM, put());
		}
		catch (StoreFailure ex) {
			if (ex.getCause() instanceof ConditionalCheckFailedException failed) {
				Map<String, AttributeValue> current = failed.hasItem() ? failed.item()
						: this.requests.run(Operation.GET_ITEM, get()).item();
				check(recordedShards(current), "recorded in its descriptor by another open");
				return;
			}
			if (this.layout.shards() > 1) {
				throw ex;
			}
			logger.warn(
					"Could not record the shard count of database '{}/{}' in its descriptor: {}; it opens as a"
							+ " database of 1 shard without a descriptor does",
					this.layout.table(), this.layout.hashKey(), ex.getMessage());
		}
	}

	private void check(int recorded, String how) {
		int wanted = this.layout.shards();
		if (recorded != wanted) {
			throw StoreFailure.shardCountMismatch(
					"database '" + this.layout.table() + "/" + this.layout.hashKey() + "' has " + recorded + " shard"
							+ ((recorded == 1) ? "" : "s") + " (" + how + "), opened with " + wanted
							+ ": set dynamodown.shards (LevelDbBuilder.shards) to " + recorded
							+ ", or copy it into a new database of " + wanted + " shards with LevelDb.copyTo",
					recorded, wanted);
		}
	}

	private int recordedShards(@Nullable Map<String, AttributeValue> item) {
		AttributeValue value = (item != null) ? item.get(this.layout.names().value()) : null;
		AttributeValue shards = (value != null && value.hasM()) ? value.m().get(SHARDS) : null;
		if (shards == null || shards.n() == null) {
			throw corrupt(
					"attribute '" + this.layout.names().value() + "' is not a map holding the Number '" + SHARDS + "'");
		}
		int recorded;
		try {
			recorded = Integer.parseInt(shards.n());
		}
		catch (NumberFormatException ex) {
			recorded = 0;
		}
		if (recorded < 1 || recorded > Limits.MAX_SHARDS) {
			throw corrupt("its shard count '" + shards.n() + "' is not a whole number from 1 to " + Limits.MAX_SHARDS);
		}
		return recorded;
	}

	private StoreFailure corrupt(String problem) {
		return new StoreFailure(Kind.CORRUPT_ITEM, "the descriptor of database '" + this.layout.table() + "/"
				+ this.layout.hashKey() + "' (sort key 02 '" + NAME + "') cannot be read: " + problem);
	}

	/**
	 * Whether the base hash key holds any key or chunk item: one key-only query of one
	 * item, below the records' space.
	 */
	private boolean holdsItems() {
		QueryRequest query = QueryRequest.builder()
			.tableName(this.layout.table())
			.keyConditionExpression("#h = :h AND #r < :records")
			.expressionAttributeNames(Map.of("#h", this.layout.names().hashKey(), "#r", this.layout.names().sortKey()))
			.expressionAttributeValues(Map.of(":h", this.layout.partitionKeyValue(0), ":records",
					AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { Records.FORMAT_BYTE }))))
			.projectionExpression("#r")
			.limit(1)
			.consistentRead(true)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
			.build();
		return this.requests.run(Operation.QUERY, query).count() > 0;
	}

	private GetItemRequest get() {
		return GetItemRequest.builder()
			.tableName(this.layout.table())
			.key(Records.primaryKey(this.layout, NAME))
			.consistentRead(true)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
			.build();
	}

	private PutItemRequest put() {
		Map<String, AttributeValue> item = Records.primaryKey(this.layout, NAME);
		item.put(this.layout.names().value(),
				AttributeValue.fromM(Map.of(SHARDS, AttributeValue.fromN(Integer.toString(this.layout.shards())))));
		return PutItemRequest.builder()
			.tableName(this.layout.table())
			.item(item)
			.conditionExpression("attribute_not_exists(#r)")
			.expressionAttributeNames(Map.of("#r", this.layout.names().sortKey()))
			.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
			.build();
	}

}
