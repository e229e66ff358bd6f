package io.dynamodown.internal.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.batch.WriteOp;
import io.dynamodown.internal.expiry.ExpiryClock;
import io.dynamodown.internal.key.ByteKey;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.limit.Limits;
import io.dynamodown.internal.range.SortKeyRange;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import io.dynamodown.metrics.RetryReason;
import io.dynamodown.retry.RetryPolicy;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The DynamoDB side of a store: each operation on full keys (sublevel prefix included)
 * becomes the fewest requests DynamoDB allows, and what DynamoDB leaves undone goes
 * through the one {@link RetryLoop}; transactions and conditional writes are sent by
 * {@link Transactions}. It knows nothing of codecs, sublevels or the store's state.
 */
public final class DynamoStorage {

	private final KeyLayout layout;

	private final RequestRunner runner;

	private final ItemRequests requests;

	private final RetryLoop retry;

	private final Executor executor;

	private final int concurrency;

	private final boolean consistentReads;

	private final ExpiryClock clock;

	private final Transactions transactions;

	/**
	 * Creates the storage of one hash key of a table.
	 * @param layout how keys map to items
	 * @param runner sends and reports requests
	 * @param retry how work DynamoDB left undone is retried
	 * @param consistentReads whether reads are strongly consistent
	 * @param executor runs concurrent requests
	 * @param concurrency the most requests one bulk write or many-key read sends at once
	 * @param clock the store's now, for expiry
	 */
	public DynamoStorage(KeyLayout layout, RequestRunner runner, RetryPolicy retry, boolean consistentReads,
			Executor executor, int concurrency, ExpiryClock clock) {
		this.layout = layout;
		this.runner = runner;
		this.requests = new ItemRequests(layout, consistentReads);
		this.retry = new RetryLoop(retry, runner);
		this.executor = executor;
		this.concurrency = concurrency;
		this.consistentReads = consistentReads;
		this.clock = clock;
		this.transactions = new Transactions(layout, runner, this.requests, this.retry, clock);
	}

	/**
	 * The store's clock, to compute expiries.
	 * @return the clock
	 */
	public ExpiryClock clock() {
		return this.clock;
	}

	/**
	 * Reads one key: one {@code GetItem}. An expired item is absent.
	 * @param key the full key
	 * @return the value, if present and live
	 */
	public Optional<byte[]> get(byte[] key) {
		Map<String, AttributeValue> item = this.runner.run(Operation.GET_ITEM, this.requests.get(key)).item();
		return isLive(item) ? Optional.of(this.layout.valueOf(item)) : Optional.empty();
	}

	/**
	 * Writes one key: one {@code PutItem}, which replaces the item and so any earlier
	 * expiry.
	 * @param put the unconditional put
	 */
	public void put(WriteOp.Put put) {
		this.runner.run(Operation.PUT_ITEM, this.requests.put(put));
	}

	/**
	 * Writes one key under a condition, exactly once even when an answer is lost (see
	 * {@link Transactions#writeConditional(WriteOp)}).
	 * @param write a conditional put or delete
	 * @return whether it was written, and the current item's value when its condition
	 * failed
	 */
	public ConditionalResult writeConditional(WriteOp write) {
		return this.transactions.writeConditional(write);
	}

	/**
	 * Deletes one key: one {@code DeleteItem}.
	 * @param key the full key
	 */
	public void delete(byte[] key) {
		this.runner.run(Operation.DELETE_ITEM, this.requests.delete(key));
	}

	/**
	 * Reads distinct keys: {@code BatchGetItem} requests of at most 100 keys, sent
	 * concurrently, unprocessed keys retried.
	 * @param distinctKeys full keys, without duplicates
	 * @return the values found, by key
	 */
	public Map<ByteKey, byte[]> getMany(List<byte[]> distinctKeys) {
		Map<ByteKey, byte[]> found = new ConcurrentHashMap<>();
		Parallel.forEachChunk(this.executor, this.concurrency, distinctKeys, Limits.MAX_BATCH_GET_KEYS,
				(chunk) -> batchGet(chunk, found));
		return found;
	}

	private void batchGet(List<byte[]> keys, Map<ByteKey, byte[]> found) {
		List<Map<String, AttributeValue>> primaryKeys = new ArrayList<>(keys.size());
		keys.forEach((key) -> primaryKeys.add(this.layout.primaryKey(key)));
		RetryLoop.Outcome<Map<String, AttributeValue>> outcome = this.retry
			.run("BatchGetItem", RetryReason.UNPROCESSED, primaryKeys, (pending) -> {
				BatchGetItemResponse response = this.runner.run(Operation.BATCH_GET_ITEM,
						this.requests.batchGet(pending));
				for (Map<String, AttributeValue> item : response.responses()
					.getOrDefault(this.layout.table(), List.of())) {
					if (isLive(item)) {
						found.put(new ByteKey(this.layout.keyOf(item)), this.layout.valueOf(item));
					}
				}
				KeysAndAttributes unprocessed = response.unprocessedKeys().get(this.layout.table());
				return (unprocessed != null && unprocessed.hasKeys()) ? unprocessed.keys() : List.of();
			})
			.rethrow();
		if (!outcome.undone().isEmpty()) {
			RetryPolicy policy = this.retry.policy();
			throw new StoreFailure(Kind.THROTTLED,
					"getMany: " + outcome.undone().size() + " of " + keys.size() + " keys still unprocessed after "
							+ outcome.attempts() + " attempts (retry policy: " + policy.maxAttempts()
							+ " attempts, deadline " + policy.deadline() + ")");
		}
	}

	/**
	 * Writes distinct keys atomically: one unconditional {@code PutItem} or
	 * {@code DeleteItem} for a single key, else one {@code TransactWriteItems} (with an
	 * idempotency token, retried on transaction conflicts).
	 * @param distinctWrites writes with distinct full keys, within the atomic batch
	 * limits
	 * @throws StoreFailure {@link Kind#CONDITION_FAILED} naming the keys whose condition
	 * failed, when nothing was written
	 */
	public void writeAtomic(List<WriteOp> distinctWrites) {
		if (distinctWrites.isEmpty()) {
			return;
		}
		if (distinctWrites.size() == 1 && distinctWrites.get(0).condition() == null) {
			WriteOp write = distinctWrites.get(0);
			if (write instanceof WriteOp.Put put) {
				put(put);
			}
			else {
				delete(write.key());
			}
			return;
		}
		this.transactions.writeAtomic(distinctWrites);
	}

	private boolean isLive(@Nullable Map<String, AttributeValue> item) {
		return item != null && !item.isEmpty() && ExpiryClock.isLive(this.layout.expiresAtOf(item), this.clock.now());
	}

	/**
	 * Writes distinct keys without atomicity: {@code BatchWriteItem} requests of 25 sent
	 * concurrently, unprocessed items re-sent until written or the retry policy gives up.
	 * @param what the operation, for the error message
	 * @param distinctWrites writes with distinct full keys
	 * @throws StoreFailure {@link Kind#WRITES_INCOMPLETE} naming the full keys not
	 * confirmed written
	 */
	public void writeBulk(String what, List<WriteOp> distinctWrites) {
		List<byte[]> unwritten = Collections.synchronizedList(new ArrayList<>());
		List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
		Parallel.forEachChunk(this.executor, this.concurrency, distinctWrites, Limits.MAX_BATCH_WRITE_ITEMS,
				(chunk) -> batchWrite(chunk, unwritten, failures));
		if (!unwritten.isEmpty()) {
			throw StoreFailure.writesIncomplete(what, distinctWrites.size(), unwritten,
					failures.isEmpty() ? null : failures.get(0));
		}
	}

	/**
	 * Writes one chunk, re-sending unprocessed items. What is not confirmed when the
	 * retry policy gives up or a request fails goes to {@code unwritten}; every other key
	 * of the chunk was written.
	 */
	private void batchWrite(List<WriteOp> writes, List<byte[]> unwritten, List<RuntimeException> failures) {
		List<WriteRequest> requests = new ArrayList<>(writes.size());
		writes.forEach((write) -> requests.add(this.requests.writeRequest(write)));
		RetryLoop.Outcome<WriteRequest> outcome = this.retry.run("BatchWriteItem", RetryReason.UNPROCESSED, requests,
				(pending) -> this.runner.run(Operation.BATCH_WRITE_ITEM, this.requests.batchWrite(pending))
					.unprocessedItems()
					.getOrDefault(this.layout.table(), List.of()));
		if (outcome.failure() != null) {
			failures.add(outcome.failure());
		}
		for (WriteRequest request : outcome.undone()) {
			unwritten.add(this.layout
				.keyOf((request.putRequest() != null) ? request.putRequest().item() : request.deleteRequest().key()));
		}
	}

	/**
	 * The pages of a planned range, one {@code Query} each.
	 * @param range the planned sort-key range, not empty
	 * @param reverse read from the greatest key down
	 * @param keysOnly read only the keys
	 * @param prefixLength the length of the view's prefix, left out of the keys read
	 * @param withExpired also read expired items not yet deleted (to delete them);
	 * otherwise they are filtered out by DynamoDB, as of the second each page is read
	 * @return the source of pages
	 */
	public PageSource pages(SortKeyRange range, boolean reverse, boolean keysOnly, int prefixLength,
			boolean withExpired) {
		return new QueryPages(this.runner, this.requests, this.layout, range, reverse, keysOnly, prefixLength,
				withExpired ? null : this.clock);
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
		@Nullable Map<String, AttributeValue> start = null;
		do {
			QueryResponse response = this.runner.run(Operation.QUERY,
					this.requests.query(range, false, 0, ItemRequests.Projection.COUNT, start, null));
			if (response.consumedCapacity() != null && response.consumedCapacity().capacityUnits() != null) {
				units += response.consumedCapacity().capacityUnits();
			}
			start = ItemRequests.lastEvaluatedKey(response);
		}
		while (start != null);
		return Math.round(units * bytesPerUnit);
	}

}
