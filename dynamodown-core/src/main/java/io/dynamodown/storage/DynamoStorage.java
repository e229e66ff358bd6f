package io.dynamodown.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDbException;
import io.dynamodown.WritesIncompleteException;
import io.dynamodown.batch.BatchPlanner;
import io.dynamodown.batch.WriteOp;
import io.dynamodown.key.ByteKey;
import io.dynamodown.limit.Limits;
import io.dynamodown.metrics.RetryReason;
import io.dynamodown.range.SortKeyRange;
import io.dynamodown.retry.RetryPolicy;
import io.dynamodown.table.KeyLayout;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The DynamoDB side of a store: each operation on full keys (sublevel prefix included)
 * becomes the fewest requests DynamoDB allows, and what DynamoDB leaves unprocessed is
 * retried by the {@link RetryPolicy}. It knows nothing of codecs, sublevels or the
 * store's state.
 */
public final class DynamoStorage {

	private final DynamoDbClient client;

	private final KeyLayout layout;

	private final Requests requests;

	private final RetryPolicy retry;

	private final boolean consistentReads;

	private final Executor executor;

	private final int concurrency;

	/**
	 * Creates the storage of one hash key of a table.
	 * @param client the DynamoDB client
	 * @param layout how keys map to items
	 * @param requests runs and reports requests
	 * @param retry how unprocessed work is retried
	 * @param consistentReads whether reads are strongly consistent
	 * @param executor runs concurrent requests and read-ahead
	 * @param concurrency the most requests one bulk write or many-key read sends at once
	 */
	public DynamoStorage(DynamoDbClient client, KeyLayout layout, Requests requests, RetryPolicy retry,
			boolean consistentReads, Executor executor, int concurrency) {
		this.client = client;
		this.layout = layout;
		this.requests = requests;
		this.retry = retry;
		this.consistentReads = consistentReads;
		this.executor = executor;
		this.concurrency = concurrency;
	}

	/**
	 * How keys map to items.
	 * @return the layout
	 */
	public KeyLayout layout() {
		return this.layout;
	}

	/**
	 * The executor for concurrent requests and read-ahead.
	 * @return the executor
	 */
	public Executor executor() {
		return this.executor;
	}

	/**
	 * Reads one key: one {@code GetItem}.
	 * @param key the full key
	 * @return the value, if present
	 */
	public Optional<byte[]> get(byte[] key) {
		Map<String, AttributeValue> item = this.requests.call("GetItem",
				(override) -> this.client.getItem((r) -> r.overrideConfiguration(override)
					.tableName(this.layout.table())
					.key(this.layout.primaryKey(key))
					.consistentRead(this.consistentReads)
					.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)))
			.item();
		return (item == null || item.isEmpty()) ? Optional.empty() : Optional.of(this.layout.valueOf(item));
	}

	/**
	 * Writes one key: one {@code PutItem}.
	 * @param key the full key
	 * @param value the value
	 */
	public void put(byte[] key, byte[] value) {
		this.requests.call("PutItem",
				(override) -> this.client.putItem((r) -> r.overrideConfiguration(override)
					.tableName(this.layout.table())
					.item(this.layout.item(key, value))
					.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
	}

	/**
	 * Deletes one key: one {@code DeleteItem}.
	 * @param key the full key
	 */
	public void delete(byte[] key) {
		this.requests.call("DeleteItem",
				(override) -> this.client.deleteItem((r) -> r.overrideConfiguration(override)
					.tableName(this.layout.table())
					.key(this.layout.primaryKey(key))
					.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
	}

	/**
	 * Reads distinct keys: {@code BatchGetItem} requests of at most 100 keys, sent
	 * concurrently, unprocessed keys retried.
	 * @param distinctKeys full keys, without duplicates
	 * @return the values found, by key
	 */
	public Map<ByteKey, byte[]> getMany(List<byte[]> distinctKeys) {
		Map<ByteKey, byte[]> found = new ConcurrentHashMap<>();
		Parallel.forEach(this.executor, this.concurrency, BatchPlanner.chunks(distinctKeys, Limits.MAX_BATCH_GET_KEYS),
				(chunk) -> batchGet(chunk, found));
		return found;
	}

	private void batchGet(List<byte[]> keys, Map<ByteKey, byte[]> found) {
		List<Map<String, AttributeValue>> pending = new ArrayList<>(keys.size());
		for (byte[] key : keys) {
			pending.add(this.layout.primaryKey(key));
		}
		long deadline = System.nanoTime() + this.retry.deadline().toNanos();
		for (int attempt = 1; !pending.isEmpty(); attempt++) {
			if (attempt > 1) {
				if (!canRetry(attempt, deadline)) {
					throw new LevelDbException(ErrorCode.THROTTLED,
							"getMany: " + pending.size() + " of " + keys.size() + " keys still unprocessed after "
									+ (attempt - 1) + " attempts (retry policy: " + this.retry.maxAttempts()
									+ " attempts, deadline " + this.retry.deadline() + ")");
				}
				pause("BatchGetItem", RetryReason.UNPROCESSED, attempt);
			}
			KeysAndAttributes request = KeysAndAttributes.builder()
				.keys(pending)
				.consistentRead(this.consistentReads)
				.build();
			BatchGetItemResponse response = this.requests.call("BatchGetItem",
					(override) -> this.client.batchGetItem((r) -> r.overrideConfiguration(override)
						.requestItems(Map.of(this.layout.table(), request))
						.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
					(r) -> unprocessedKeys(r).size());
			for (Map<String, AttributeValue> item : response.responses().getOrDefault(this.layout.table(), List.of())) {
				found.put(new ByteKey(this.layout.keyOf(item)), this.layout.valueOf(item));
			}
			pending = unprocessedKeys(response);
		}
	}

	private List<Map<String, AttributeValue>> unprocessedKeys(BatchGetItemResponse response) {
		KeysAndAttributes unprocessed = response.unprocessedKeys().get(this.layout.table());
		return (unprocessed != null && unprocessed.hasKeys()) ? unprocessed.keys() : List.of();
	}

	/**
	 * Writes distinct keys atomically: one {@code PutItem} or {@code DeleteItem} for a
	 * single key, else one {@code TransactWriteItems} (with an idempotency token, retried
	 * on transaction conflicts).
	 * @param distinctWrites writes with distinct full keys, within the atomic batch
	 * limits
	 */
	public void writeAtomic(List<WriteOp> distinctWrites) {
		if (distinctWrites.isEmpty()) {
			return;
		}
		if (distinctWrites.size() == 1) {
			WriteOp write = distinctWrites.get(0);
			if (write instanceof WriteOp.Put put) {
				put(put.key(), put.value());
			}
			else {
				delete(write.key());
			}
			return;
		}
		List<TransactWriteItem> items = new ArrayList<>(distinctWrites.size());
		for (WriteOp write : distinctWrites) {
			items.add(transactItem(write));
		}
		long deadline = System.nanoTime() + this.retry.deadline().toNanos();
		for (int attempt = 1;; attempt++) {
			// One token per attempt of ours: the SDK's own retries of this request reuse
			// it,
			// so an attempt whose answer was lost is not applied twice; an attempt of
			// ours
			// follows a cancellation, which applied nothing.
			String token = UUID.randomUUID().toString();
			try {
				this.requests.call("TransactWriteItems",
						(override) -> this.client.transactWriteItems((r) -> r.overrideConfiguration(override)
							.transactItems(items)
							.clientRequestToken(token)
							.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
				return;
			}
			catch (LevelDbException ex) {
				if (!(ex.getCause() instanceof TransactionCanceledException cancelled) || !isConflict(cancelled)
						|| !canRetry(attempt + 1, deadline)) {
					throw ex;
				}
				pause("TransactWriteItems", RetryReason.TRANSACTION_CONFLICT, attempt + 1);
			}
		}
	}

	private TransactWriteItem transactItem(WriteOp write) {
		if (write instanceof WriteOp.Put put) {
			return TransactWriteItem.builder()
				.put((p) -> p.tableName(this.layout.table()).item(this.layout.item(put.key(), put.value())))
				.build();
		}
		return TransactWriteItem.builder()
			.delete((d) -> d.tableName(this.layout.table()).key(this.layout.primaryKey(write.key())))
			.build();
	}

	private static boolean isConflict(TransactionCanceledException ex) {
		return ex.hasCancellationReasons() && ex.cancellationReasons()
			.stream()
			.allMatch((reason) -> reason.code() == null || "None".equals(reason.code())
					|| "TransactionConflict".equals(reason.code()) || "ThrottlingError".equals(reason.code())
					|| "ProvisionedThroughputExceeded".equals(reason.code()));
	}

	/**
	 * Writes distinct keys without atomicity: {@code BatchWriteItem} requests of 25 sent
	 * concurrently, unprocessed items re-sent until written or the retry policy gives up.
	 * @param what the operation, for the error message
	 * @param distinctWrites writes with distinct full keys
	 * @throws WritesIncompleteException naming the full keys not confirmed written
	 */
	public void writeBulk(String what, List<WriteOp> distinctWrites) {
		List<byte[]> unwritten = Collections.synchronizedList(new ArrayList<>());
		List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
		Parallel.forEach(this.executor, this.concurrency,
				BatchPlanner.chunks(distinctWrites, Limits.MAX_BATCH_WRITE_ITEMS),
				(chunk) -> batchWrite(chunk, unwritten, failures));
		if (!unwritten.isEmpty()) {
			throw new WritesIncompleteException(what, distinctWrites.size(), unwritten,
					failures.isEmpty() ? null : failures.get(0));
		}
	}

	/**
	 * Writes one chunk, re-sending unprocessed items. What is not confirmed when the
	 * retry policy gives up or a request fails goes to {@code unwritten}; every other key
	 * of the chunk was written.
	 */
	private void batchWrite(List<WriteOp> writes, List<byte[]> unwritten, List<RuntimeException> failures) {
		Map<ByteKey, byte[]> keyOfItem = new HashMap<>();
		List<WriteRequest> pending = new ArrayList<>(writes.size());
		for (WriteOp write : writes) {
			pending.add(writeRequest(write));
			keyOfItem.put(new ByteKey(this.layout.sortKeyBytes(write.key())), write.key());
		}
		long deadline = System.nanoTime() + this.retry.deadline().toNanos();
		try {
			for (int attempt = 1; !pending.isEmpty(); attempt++) {
				if (attempt > 1) {
					if (!canRetry(attempt, deadline)) {
						break;
					}
					pause("BatchWriteItem", RetryReason.UNPROCESSED, attempt);
				}
				List<WriteRequest> batch = pending;
				BatchWriteItemResponse response = this.requests.call("BatchWriteItem",
						(override) -> this.client.batchWriteItem((r) -> r.overrideConfiguration(override)
							.requestItems(Map.of(this.layout.table(), batch))
							.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
						(r) -> r.unprocessedItems().getOrDefault(this.layout.table(), List.of()).size());
				pending = response.unprocessedItems().getOrDefault(this.layout.table(), List.of());
			}
		}
		catch (RuntimeException ex) {
			failures.add(ex);
		}
		for (WriteRequest request : pending) {
			unwritten.add(keyOfItem.get(new ByteKey(sortKeyOf(request))));
		}
	}

	private WriteRequest writeRequest(WriteOp write) {
		if (write instanceof WriteOp.Put put) {
			return WriteRequest.builder()
				.putRequest(PutRequest.builder().item(this.layout.item(put.key(), put.value())).build())
				.build();
		}
		return WriteRequest.builder()
			.deleteRequest(DeleteRequest.builder().key(this.layout.primaryKey(write.key())).build())
			.build();
	}

	private byte[] sortKeyOf(WriteRequest request) {
		Map<String, AttributeValue> item = (request.putRequest() != null) ? request.putRequest().item()
				: request.deleteRequest().key();
		return item.get(this.layout.names().sortKey()).b().asByteArrayUnsafe();
	}

	/**
	 * Reads one page of a range: one {@code Query}.
	 * @param range the planned sort-key range, not empty
	 * @param reverse read from the greatest key down
	 * @param limit the most items to read, 0 for DynamoDB's page size alone
	 * @param keysOnly project only the sort key
	 * @param startKey where the previous page stopped, or {@code null} for the start
	 * @return the response
	 */
	public QueryResponse query(SortKeyRange range, boolean reverse, int limit, boolean keysOnly,
			@Nullable Map<String, AttributeValue> startKey) {
		QueryRequest.Builder request = QueryRequest.builder()
			.tableName(this.layout.table())
			.keyConditionExpression(range.keyConditionExpression())
			.expressionAttributeNames(range.expressionNames(this.layout, keysOnly))
			.expressionAttributeValues(range.expressionValues(this.layout))
			.scanIndexForward(!reverse)
			.consistentRead(this.consistentReads)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
		if (keysOnly) {
			request.projectionExpression(SortKeyRange.SORT_NAME);
		}
		if (limit > 0) {
			request.limit(limit);
		}
		if (startKey != null) {
			request.exclusiveStartKey(startKey);
		}
		return this.requests.call("Query",
				(override) -> this.client.query(request.overrideConfiguration(override).build()));
	}

	/**
	 * Estimates the bytes stored in a range from the read capacity that counting it
	 * consumes: counting queries ({@code Select=COUNT}) return no items but are charged
	 * one read unit per 4 KB of items read (8 KB when eventually consistent), so the
	 * estimate has that granularity per page.
	 * @param range the planned sort-key range
	 * @return the estimated size in bytes
	 */
	public long estimateSize(SortKeyRange range) {
		if (range.empty()) {
			return 0;
		}
		long bytesPerUnit = this.consistentReads ? 4096 : 8192;
		double units = 0;
		Map<String, AttributeValue> start = null;
		do {
			Map<String, AttributeValue> from = start;
			QueryResponse response = this.requests.call("Query",
					(override) -> this.client.query((r) -> r.overrideConfiguration(override)
						.tableName(this.layout.table())
						.keyConditionExpression(range.keyConditionExpression())
						.expressionAttributeNames(range.expressionNames(this.layout, false))
						.expressionAttributeValues(range.expressionValues(this.layout))
						.select(Select.COUNT)
						.consistentRead(this.consistentReads)
						.exclusiveStartKey(from)
						.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
			if (response.consumedCapacity() != null && response.consumedCapacity().capacityUnits() != null) {
				units += response.consumedCapacity().capacityUnits();
			}
			start = (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty())
					? response.lastEvaluatedKey() : null;
		}
		while (start != null);
		return Math.round(units * bytesPerUnit);
	}

	private boolean canRetry(int attempt, long deadline) {
		return attempt <= this.retry.maxAttempts() && System.nanoTime() < deadline;
	}

	private void pause(String operation, RetryReason reason, int attempt) {
		Duration delay = this.retry.delayBefore(attempt);
		this.requests.retrying(operation, attempt, reason, delay);
		try {
			Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LevelDbException(ErrorCode.REQUEST_FAILED, operation + " interrupted during back-off", ex);
		}
	}

}
