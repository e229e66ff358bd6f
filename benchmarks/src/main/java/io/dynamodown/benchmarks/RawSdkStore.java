package io.dynamodown.benchmarks;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The hand-written raw SDK side: what a developer would write directly against
 * {@link DynamoDbClient}, sequentially, for the same work, using dynamodown's data layout
 * ({@code hkey} S, {@code rkey} B = {@code 0x00} + key bytes, {@code value} B) under its
 * own hash key. Reads are strongly consistent and every request asks for
 * {@code ReturnConsumedCapacity=TOTAL}, as dynamodown's do, so both sides cost the same.
 * Retry loops for unprocessed items are bounded.
 */
final class RawSdkStore {

	private static final String HASH = "hkey";

	private static final String SORT = "rkey";

	private static final String VALUE = "value";

	private static final String TTL = "ttl";

	private static final String ABSENT = "attribute_not_exists(#k) OR #t <= :now";

	private static final String EXPECTED = "#v = :expected AND (attribute_not_exists(#t) OR #t > :now)";

	private static final int MAX_ATTEMPTS = 20;

	private static final int MAX_PAGES = 100_000;

	private final DynamoDbClient client;

	private final String table;

	private final AttributeValue hashKey;

	/**
	 * Creates the raw side over one hash key.
	 * @param client the client
	 * @param table the table
	 * @param hashKey the hash key its items live under
	 */
	RawSdkStore(DynamoDbClient client, String table, String hashKey) {
		this.client = client;
		this.table = table;
		this.hashKey = AttributeValue.fromS(hashKey);
	}

	byte @Nullable [] get(byte[] key) {
		GetItemResponse response = this.client.getItem((r) -> r.tableName(this.table)
			.key(primaryKey(key))
			.consistentRead(true)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
		return response.hasItem() && !response.item().isEmpty() ? bytes(response.item(), VALUE) : null;
	}

	void put(byte[] key, byte[] value) {
		this.client.putItem((r) -> r.tableName(this.table)
			.item(item(key, value))
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
	}

	void delete(byte[] key) {
		this.client.deleteItem((r) -> r.tableName(this.table)
			.key(primaryKey(key))
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
	}

	/**
	 * Puts a value only when the key is absent or expired, as dynamodown does: one
	 * single-item {@code TransactWriteItems} with a fresh {@code ClientRequestToken}, the
	 * current item returned when the condition fails.
	 * @param key the key
	 * @param value the value
	 * @return {@code null} when written, else the current value
	 */
	byte @Nullable [] putIfAbsentTransaction(byte[] key, byte[] value) {
		Put put = Put.builder()
			.tableName(this.table)
			.item(item(key, value))
			.conditionExpression(ABSENT)
			.expressionAttributeNames(Map.of("#k", SORT, "#t", TTL))
			.expressionAttributeValues(Map.of(":now", now()))
			.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
			.build();
		try {
			transact(TransactWriteItem.builder().put(put).build());
			return null;
		}
		catch (TransactionCanceledException ex) {
			return bytes(ex.cancellationReasons().get(0).item(), VALUE);
		}
	}

	/**
	 * Puts a value only when the key is absent or expired with a plain conditional
	 * {@code PutItem}: half the write capacity of a transaction, but a retry of a write
	 * whose answer was lost fails its own condition.
	 * @param key the key
	 * @param value the value
	 * @return {@code null} when written, else the current value
	 */
	byte @Nullable [] putIfAbsentPutItem(byte[] key, byte[] value) {
		try {
			this.client.putItem((r) -> r.tableName(this.table)
				.item(item(key, value))
				.conditionExpression(ABSENT)
				.expressionAttributeNames(Map.of("#k", SORT, "#t", TTL))
				.expressionAttributeValues(Map.of(":now", now()))
				.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
				.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
			return null;
		}
		catch (ConditionalCheckFailedException ex) {
			return bytes(ex.item(), VALUE);
		}
	}

	/**
	 * Compare-and-set as dynamodown does it: one single-item {@code TransactWriteItems}
	 * with a fresh {@code ClientRequestToken}.
	 * @param key the key
	 * @param expected the value the key must hold
	 * @param value the new value
	 * @return whether it was written
	 */
	boolean replaceTransaction(byte[] key, byte[] expected, byte[] value) {
		Put put = Put.builder()
			.tableName(this.table)
			.item(item(key, value))
			.conditionExpression(EXPECTED)
			.expressionAttributeNames(Map.of("#v", VALUE, "#t", TTL))
			.expressionAttributeValues(
					Map.of(":expected", AttributeValue.fromB(SdkBytes.fromByteArray(expected)), ":now", now()))
			.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
			.build();
		try {
			transact(TransactWriteItem.builder().put(put).build());
			return true;
		}
		catch (TransactionCanceledException ex) {
			return false;
		}
	}

	/**
	 * Deletes keys with {@code BatchWriteItem} calls of 25, one after the other.
	 * @param keys distinct keys
	 */
	void batchDelete(List<byte[]> keys) {
		List<WriteRequest> chunk = new ArrayList<>(25);
		for (int i = 0; i < keys.size(); i++) {
			Map<String, AttributeValue> key = primaryKey(keys.get(i));
			chunk.add(WriteRequest.builder().deleteRequest((d) -> d.key(key)).build());
			if (chunk.size() == 25 || i == keys.size() - 1) {
				batchWrite(chunk);
				chunk = new ArrayList<>(25);
			}
		}
	}

	private void transact(TransactWriteItem item) {
		this.client.transactWriteItems((r) -> r.transactItems(item)
			.clientRequestToken(UUID.randomUUID().toString())
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
	}

	private static AttributeValue now() {
		return AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond()));
	}

	/**
	 * Reads keys with {@code BatchGetItem} calls of 100, one after the other, re-sending
	 * unprocessed keys.
	 * @param keys distinct keys
	 * @return the values in the order of {@code keys}, {@code null} where absent
	 */
	List<byte @Nullable []> getMany(List<byte[]> keys) {
		Map<ByteBuffer, byte[]> found = new HashMap<>();
		for (int from = 0; from < keys.size(); from += 100) {
			List<Map<String, AttributeValue>> chunk = new ArrayList<>();
			for (byte[] key : keys.subList(from, Math.min(from + 100, keys.size()))) {
				chunk.add(primaryKey(key));
			}
			Map<String, KeysAndAttributes> pending = Map.of(this.table,
					KeysAndAttributes.builder().keys(chunk).consistentRead(true).build());
			for (int attempt = 0; !pending.isEmpty(); attempt++) {
				backOff(attempt);
				BatchGetItemResponse response = this.client.batchGetItem(BatchGetItemRequest.builder()
					.requestItems(pending)
					.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
					.build());
				for (Map<String, AttributeValue> item : response.responses().getOrDefault(this.table, List.of())) {
					found.put(ByteBuffer.wrap(bytes(item, SORT)), bytes(item, VALUE));
				}
				pending = response.unprocessedKeys();
			}
		}
		List<byte @Nullable []> values = new ArrayList<>(keys.size());
		for (byte[] key : keys) {
			values.add(found.get(ByteBuffer.wrap(sortKey(key))));
		}
		return values;
	}

	/**
	 * Writes puts atomically with one {@code TransactWriteItems}.
	 * @param keys at most 100 distinct keys
	 * @param values their values
	 */
	void transactPut(List<byte[]> keys, List<byte[]> values) {
		List<TransactWriteItem> items = new ArrayList<>(keys.size());
		for (int i = 0; i < keys.size(); i++) {
			Map<String, AttributeValue> item = item(keys.get(i), values.get(i));
			items.add(TransactWriteItem.builder().put((p) -> p.tableName(this.table).item(item)).build());
		}
		this.client
			.transactWriteItems((r) -> r.transactItems(items).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
	}

	/**
	 * Writes puts with {@code BatchWriteItem} calls of 25, one after the other,
	 * re-sending unprocessed items.
	 * @param keys distinct keys
	 * @param values their values
	 */
	void batchPut(List<byte[]> keys, List<byte[]> values) {
		List<WriteRequest> chunk = new ArrayList<>(25);
		for (int i = 0; i < keys.size(); i++) {
			Map<String, AttributeValue> item = item(keys.get(i), values.get(i));
			chunk.add(WriteRequest.builder().putRequest((p) -> p.item(item)).build());
			if (chunk.size() == 25 || i == keys.size() - 1) {
				batchWrite(chunk);
				chunk = new ArrayList<>(25);
			}
		}
	}

	/**
	 * Reads the whole hash key with a {@code Query} pagination loop.
	 * @param reverse from the greatest key down
	 * @param consumer receives each key (format byte stripped) and value
	 */
	void scan(boolean reverse, BiConsumer<byte[], byte[]> consumer) {
		Map<String, AttributeValue> start = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			QueryResponse response = this.client.query(QueryRequest.builder()
				.tableName(this.table)
				.keyConditionExpression("hkey = :h")
				.expressionAttributeValues(Map.of(":h", this.hashKey))
				.scanIndexForward(!reverse)
				.consistentRead(true)
				.exclusiveStartKey(start)
				.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
				.build());
			accept(response, consumer);
			start = next(response);
			if (start == null) {
				return;
			}
		}
	}

	/**
	 * Reads the first keys at or after a key: one {@code Query} with {@code Limit}.
	 * @param from the first key
	 * @param limit the most items
	 * @param consumer receives each key (format byte stripped) and value
	 */
	void readFrom(byte[] from, int limit, BiConsumer<byte[], byte[]> consumer) {
		QueryResponse response = this.client.query((r) -> r.tableName(this.table)
			.keyConditionExpression("hkey = :h AND rkey >= :lo")
			.expressionAttributeValues(Map.of(":h", this.hashKey, ":lo", sortKeyValue(from)))
			.limit(limit)
			.consistentRead(true)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
		accept(response, consumer);
	}

	/**
	 * Deletes every item of the hash key: keys-only {@code Query} pages, each page's keys
	 * deleted with {@code BatchWriteItem} calls of 25, one after the other.
	 */
	void clear() {
		Map<String, AttributeValue> start = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			QueryResponse response = this.client.query(QueryRequest.builder()
				.tableName(this.table)
				.keyConditionExpression("hkey = :h")
				.expressionAttributeValues(Map.of(":h", this.hashKey))
				.projectionExpression(SORT)
				.consistentRead(true)
				.exclusiveStartKey(start)
				.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
				.build());
			List<WriteRequest> chunk = new ArrayList<>(25);
			for (Map<String, AttributeValue> item : response.items()) {
				Map<String, AttributeValue> key = Map.of(HASH, this.hashKey, SORT, item.get(SORT));
				chunk.add(WriteRequest.builder().deleteRequest((d) -> d.key(key)).build());
				if (chunk.size() == 25) {
					batchWrite(chunk);
					chunk = new ArrayList<>(25);
				}
			}
			if (!chunk.isEmpty()) {
				batchWrite(chunk);
			}
			start = next(response);
			if (start == null) {
				return;
			}
		}
	}

	private void batchWrite(List<WriteRequest> requests) {
		Map<String, List<WriteRequest>> pending = Map.of(this.table, requests);
		for (int attempt = 0; !pending.isEmpty(); attempt++) {
			backOff(attempt);
			BatchWriteItemResponse response = this.client.batchWriteItem(BatchWriteItemRequest.builder()
				.requestItems(pending)
				.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
				.build());
			pending = response.unprocessedItems();
		}
	}

	private static void backOff(int attempt) {
		if (attempt == 0) {
			return;
		}
		if (attempt >= MAX_ATTEMPTS) {
			throw new IllegalStateException("items still unprocessed after " + MAX_ATTEMPTS + " attempts");
		}
		try {
			Thread.sleep(Math.min(1000, 25L << Math.min(attempt - 1, 6)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static void accept(QueryResponse response, BiConsumer<byte[], byte[]> consumer) {
		for (Map<String, AttributeValue> item : response.items()) {
			byte[] sortKey = bytes(item, SORT);
			consumer.accept(Arrays.copyOfRange(sortKey, 1, sortKey.length), bytes(item, VALUE));
		}
	}

	private static byte[] bytes(Map<String, AttributeValue> item, String attribute) {
		AttributeValue value = item.get(attribute);
		if (value == null || value.b() == null) {
			throw new IllegalStateException("item without binary attribute '" + attribute + "'");
		}
		return value.b().asByteArray();
	}

	private static @Nullable Map<String, AttributeValue> next(QueryResponse response) {
		return (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) ? response.lastEvaluatedKey()
				: null;
	}

	private Map<String, AttributeValue> primaryKey(byte[] key) {
		return Map.of(HASH, this.hashKey, SORT, sortKeyValue(key));
	}

	private Map<String, AttributeValue> item(byte[] key, byte[] value) {
		return Map.of(HASH, this.hashKey, SORT, sortKeyValue(key), VALUE,
				AttributeValue.fromB(SdkBytes.fromByteArray(value)));
	}

	private static AttributeValue sortKeyValue(byte[] key) {
		return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(sortKey(key)));
	}

	private static byte[] sortKey(byte[] key) {
		byte[] sortKey = new byte[key.length + 1];
		System.arraycopy(key, 0, sortKey, 1, key.length);
		return sortKey;
	}

}
