package io.dynamodown.internal.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.batch.WriteOp;
import io.dynamodown.internal.expiry.ExpiryClock;
import io.dynamodown.internal.key.ByteKey;
import io.dynamodown.internal.layout.ChunkLayout;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.limit.Limits;
import io.dynamodown.internal.range.SortKeyRange;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import io.dynamodown.internal.value.ValueEncoder;
import io.dynamodown.metrics.RetryReason;
import io.dynamodown.retry.RetryPolicy;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The DynamoDB side of a store: each operation on full keys (sublevel prefix included)
 * becomes the fewest requests DynamoDB allows, and what DynamoDB leaves undone goes
 * through the one {@link RetryLoop}; transactions and conditional writes are sent by
 * {@link Transactions}. A point operation goes to its key's shard; many-key reads, bulk
 * writes and transactions mix shards freely in one request; range operations read every
 * shard. It knows nothing of codecs, sublevels or the store's state.
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

	private final ValueEncoder encoder;

	private final StoredValues values;

	private final Orphans orphans;

	private final BatchGets batchGets;

	/**
	 * Creates the storage of one hash key of a table.
	 * @param layout how keys map to items
	 * @param runner sends and reports requests
	 * @param retry how work DynamoDB left undone is retried
	 * @param consistentReads whether reads are strongly consistent
	 * @param executor runs concurrent requests
	 * @param concurrency the most requests one bulk write or many-key read sends at once
	 * @param clock the store's now, for expiry and the age of chunks
	 * @param encoder how values are stored
	 * @param readBudget the most stored bytes of large values read at once
	 */
	public DynamoStorage(KeyLayout layout, RequestRunner runner, RetryPolicy retry, boolean consistentReads,
			Executor executor, int concurrency, ExpiryClock clock, ValueEncoder encoder, long readBudget) {
		this.layout = layout;
		this.runner = runner;
		this.requests = new ItemRequests(layout, consistentReads);
		this.retry = new RetryLoop(retry, runner);
		this.executor = executor;
		this.concurrency = concurrency;
		this.consistentReads = consistentReads;
		this.clock = clock;
		this.encoder = encoder;
		this.batchGets = new BatchGets(layout.table(), runner, this.requests, this.retry);
		Chunks chunks = new Chunks(new ChunkLayout(layout), runner, this.requests, this.retry, this.batchGets, executor,
				concurrency, clock, new ReadBudget(readBudget));
		this.values = new StoredValues(layout, chunks, runner, this.requests, clock, encoder.maxValueBytes());
		this.transactions = new Transactions(layout, runner, this.requests, this.retry, clock, this.values, encoder);
		this.orphans = new Orphans(this.values, runner, this.requests, clock, this::forEachShard);
	}

	/**
	 * How values are stored, to encode and check a put's value before any request.
	 * @return the encoder
	 */
	public ValueEncoder encoder() {
		return this.encoder;
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
		return this.values.valueOf(key, this.runner.run(Operation.GET_ITEM, this.requests.get(key)).item());
	}

	/**
	 * The value of an item image of a stream record, read as the store reads its items.
	 * @param key the full key
	 * @param image the image
	 * @param readChunks whether to read the chunks of a chunked value
	 * @return the decoded value, or {@code null} when it is chunked and not read, or a
	 * chunk is gone
	 * @throws StoreFailure {@link Kind#CORRUPT_ITEM} when the image or its chunks cannot
	 * be read
	 */
	public byte @Nullable [] imageValue(byte[] key, Map<String, AttributeValue> image, boolean readChunks) {
		return this.values.imageValue(key, image, readChunks);
	}

	/**
	 * Writes one key: one {@code PutItem}, which replaces the item and so any earlier
	 * expiry. A value too large for one item is first written to chunk items under a
	 * fresh generation; the {@code PutItem} of the key's item naming them is the commit
	 * point, and it hands back the item it replaced, whose chunks are then removed.
	 * @param put the unconditional put
	 */
	public void put(WriteOp.Put put) {
		List<ChunkedValue> written = new ArrayList<>(1);
		Map<String, AttributeValue> item = this.values.itemOf(put, written);
		Map<String, AttributeValue> replaced = this.runner.run(Operation.PUT_ITEM, this.requests.put(item))
			.attributes();
		this.values.dropReplaced("put", replaced, written.isEmpty() ? null : written.get(0).manifest());
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
		this.values.dropReplaced("delete",
				this.runner.run(Operation.DELETE_ITEM, this.requests.delete(key)).attributes(), null);
	}

	/**
	 * Reads distinct keys: {@code BatchGetItem} requests of at most 100 keys, sent
	 * concurrently, unprocessed keys retried.
	 * @param distinctKeys full keys, without duplicates
	 * @return the values found, by key
	 */
	public Map<ByteKey, byte[]> getMany(List<byte[]> distinctKeys) {
		Map<ByteKey, Map<String, AttributeValue>> items = new ConcurrentHashMap<>();
		Parallel.forEachChunk(this.executor, this.concurrency, distinctKeys, Limits.MAX_BATCH_GET_KEYS,
				(chunk) -> batchGet(chunk, items));
		List<ByteKey> keys = new ArrayList<>(items.keySet());
		List<Map<String, AttributeValue>> read = new ArrayList<>(keys.size());
		keys.forEach((key) -> read.add(items.get(key)));
		List<byte @Nullable []> values = this.values.valuesOf(read);
		Map<ByteKey, byte[]> found = new HashMap<>(keys.size() * 2);
		for (int i = 0; i < keys.size(); i++) {
			byte[] value = values.get(i);
			if (value != null) {
				found.put(keys.get(i), value);
			}
		}
		return found;
	}

	private void batchGet(List<byte[]> keys, Map<ByteKey, Map<String, AttributeValue>> found) {
		List<Map<String, AttributeValue>> primaryKeys = new ArrayList<>(keys.size());
		keys.forEach((key) -> primaryKeys.add(this.layout.primaryKey(key)));
		this.batchGets.read("getMany", primaryKeys, false, (item) -> {
			if (this.values.isLive(item)) {
				found.put(new ByteKey(this.layout.keyOf(item)), item);
			}
		});
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

	/**
	 * Writes distinct keys without atomicity: {@code BatchWriteItem} requests of 25 sent
	 * concurrently, unprocessed items re-sent until written or the retry policy gives up.
	 * The chunks of values too large for one item are written first; a key whose chunks
	 * could not be written is not written. Chunks of values that these writes replace
	 * stay behind (a batch write does not hand back what it replaced) until
	 * {@link #removeOrphans(Duration)}.
	 * @param what the operation, for the error message
	 * @param distinctWrites writes with distinct full keys
	 * @throws StoreFailure {@link Kind#WRITES_INCOMPLETE} naming the full keys not
	 * confirmed written
	 */
	public void writeBulk(String what, List<WriteOp> distinctWrites) {
		writeBulk(what, distinctWrites, this.concurrency);
	}

	void writeBulk(String what, List<WriteOp> distinctWrites, int writers) {
		List<byte[]> unwritten = Collections.synchronizedList(new ArrayList<>());
		List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
		List<WriteRequest> requests = new ArrayList<>(distinctWrites.size());
		for (WriteOp write : distinctWrites) {
			try {
				requests.add(writeRequest(write));
			}
			catch (StoreFailure ex) {
				unwritten.add(write.key());
				failures.add(ex);
			}
		}
		Parallel.forEachChunk(this.executor, writers, requests, Limits.MAX_BATCH_WRITE_ITEMS,
				(chunk) -> batchWrite(chunk, unwritten, failures));
		if (!unwritten.isEmpty()) {
			throw StoreFailure.writesIncomplete(what, distinctWrites.size(), unwritten,
					failures.isEmpty() ? null : failures.get(0));
		}
	}

	private WriteRequest writeRequest(WriteOp write) {
		if (write instanceof WriteOp.Put put) {
			return this.requests.putRequest(this.values.itemOf(put, new ArrayList<>(1)));
		}
		return this.requests.deleteRequest(this.layout.primaryKey(write.key()));
	}

	/**
	 * Writes one chunk, re-sending unprocessed items. What is not confirmed when the
	 * retry policy gives up or a request fails goes to {@code unwritten}; every other key
	 * of the chunk was written.
	 */
	private void batchWrite(List<WriteRequest> requests, List<byte[]> unwritten, List<RuntimeException> failures) {
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
	 * Deletes the keys of a planned range, at most {@code limit}, in the range's order:
	 * each page of keys (read with their forms, expired ones included) is deleted in
	 * {@code BatchWriteItem} requests, then the chunks of the large values among them.
	 * Without a limit (or with one shard) each shard is cleared on its own, the shards
	 * concurrently; with a limit over several shards, the keys come from the merged order
	 * of the shards' pages (each shard asked for at most the limit), and are deleted as
	 * they come. A page whose deletes are not all confirmed does not stop the clear: the
	 * keys not confirmed are reported together at the end.
	 * @param range the planned sort-key range, not empty
	 * @param reverse delete from the greatest key down
	 * @param limit the most keys to delete, or a negative number for all
	 * @throws StoreFailure {@link Kind#WRITES_INCOMPLETE} naming the full keys not
	 * confirmed deleted (every other key read was deleted), or the failure that stopped
	 * the clear
	 */
	public void clear(SortKeyRange range, boolean reverse, long limit) {
		MalformedItems skipped = new MalformedItems("clear", this.runner);
		List<StoreFailure> failures = Collections.synchronizedList(new ArrayList<>());
		try {
			if (limit >= 0 && shards() > 1) {
				clearMerged(range, reverse, limit, skipped, failures);
			}
			else {
				int writers = perShardConcurrency();
				forEachShard((shard) -> clearShard(shard, range, reverse, limit, writers, skipped, failures));
			}
		}
		finally {
			skipped.logSummary(this.layout.table());
		}
		throwCombined("clear", failures);
	}

	private void clearShard(int shard, SortKeyRange range, boolean reverse, long limit, int writers,
			MalformedItems skipped, List<StoreFailure> failures) {
		try {
			long left = limit;
			@Nullable Map<String, AttributeValue> start = null;
			do {
				int pageLimit = (left < 0) ? 0 : (int) Math.min(left, Integer.MAX_VALUE);
				QueryResponse page = this.runner.run(Operation.QUERY, this.requests.query(shard, range, reverse,
						pageLimit, ItemRequests.Projection.FORMS, start, null));
				List<WriteOp> deletes = new ArrayList<>(page.items().size());
				List<ChunkedValue> chunked = new ArrayList<>();
				for (Map<String, AttributeValue> item : page.items()) {
					deletes.add(new WriteOp.Delete(this.layout.keyOf(item)));
					ChunkedValue value = this.values.chunkedOf(item, skipped);
					if (value != null) {
						chunked.add(value);
					}
				}
				deleteAll(deletes, chunked, writers, failures);
				left -= (left < 0) ? 0 : page.items().size();
				start = ItemRequests.lastEvaluatedKey(page);
			}
			while (start != null && left != 0);
		}
		catch (StoreFailure ex) {
			failures.add(ex);
		}
	}

	private void clearMerged(SortKeyRange range, boolean reverse, long limit, MalformedItems skipped,
			List<StoreFailure> failures) {
		List<PageSource> sources = new ArrayList<>(shards());
		for (int shard = 0; shard < shards(); shard++) {
			sources.add(new QueryPages(this.runner, this.requests, this.layout, this.values, shard, range, reverse,
					ItemRequests.Projection.FORMS, 0, null, skipped));
		}
		List<WriteOp> deletes = new ArrayList<>();
		List<ChunkedValue> chunked = new ArrayList<>();
		long deleted = 0;
		try (MergeCursor keys = new MergeCursor(sources, reverse, this.executor, this.concurrency, true,
				UnaryOperator.identity(), () -> {
				})) {
			while (keys.hasNext(limit - deleted)) {
				PageEntry entry = keys.next();
				deleted++;
				deletes.add(new WriteOp.Delete(entry.key()));
				ChunkedValue value = this.values.chunkedOf(entry.key(), entry.value(), skipped);
				if (value != null) {
					chunked.add(value);
				}
				if (deletes.size() == Limits.MAX_BATCH_WRITE_ITEMS * this.concurrency) {
					deleteAll(deletes, chunked, this.concurrency, failures);
					deletes = new ArrayList<>();
					chunked = new ArrayList<>();
				}
			}
			deleteAll(deletes, chunked, this.concurrency, failures);
		}
		catch (StoreFailure ex) {
			failures.add(ex);
		}
	}

	/**
	 * Deletes keys, then the chunks of the large values among them whose key was deleted
	 * (a key whose delete is not confirmed may still name its chunks); deletes not
	 * confirmed are recorded, not thrown, so that the caller goes on.
	 */
	private void deleteAll(List<WriteOp> deletes, List<ChunkedValue> chunked, int writers,
			List<StoreFailure> failures) {
		List<ChunkedValue> unreferenced = chunked;
		try {
			writeBulk("clear", deletes, writers);
		}
		catch (StoreFailure ex) {
			if (ex.kind() != Kind.WRITES_INCOMPLETE) {
				throw ex;
			}
			failures.add(ex);
			Set<ByteKey> kept = new HashSet<>();
			ex.unwritten().keys().forEach((key) -> kept.add(new ByteKey(key)));
			unreferenced = chunked.stream().filter((value) -> !kept.contains(new ByteKey(value.owner()))).toList();
		}
		this.values.chunks().deleteQuietly("clear", unreferenced);
	}

	/**
	 * Throws what went wrong in the shards of one operation: one
	 * {@link Kind#WRITES_INCOMPLETE} naming every key not confirmed when that is all,
	 * else the first other failure, the rest suppressed.
	 */
	static void throwCombined(String operation, List<StoreFailure> failures) {
		if (failures.isEmpty()) {
			return;
		}
		StoreFailure first = failures.stream()
			.filter((failure) -> failure.kind() != Kind.WRITES_INCOMPLETE)
			.findFirst()
			.orElse(null);
		if (first == null) {
			List<byte[]> keys = new ArrayList<>();
			int attempted = 0;
			for (StoreFailure failure : failures) {
				keys.addAll(failure.unwritten().keys());
				attempted += failure.unwritten().attempted();
			}
			first = (failures.size() == 1) ? failures.get(0)
					: StoreFailure.writesIncomplete(operation, attempted, keys, failures.get(0));
		}
		for (StoreFailure failure : failures) {
			if (failure != first && failure != first.getCause()) {
				first.addSuppressed(failure);
			}
		}
		throw first;
	}

	/**
	 * Removes the chunk items that no key's item names, begun at least {@code minAge} ago
	 * (younger ones may belong to a write in progress), the shards concurrently.
	 * @param minAge the youngest orphan removed
	 * @return the number of chunk items removed
	 */
	public long removeOrphans(Duration minAge) {
		return this.orphans.remove(minAge);
	}

	/**
	 * A cursor over a planned range: one source of pages per shard ({@code Query} each
	 * page), merged in key order.
	 * @param range the planned sort-key range, not empty
	 * @param reverse read from the greatest key down
	 * @param keysOnly read only the keys
	 * @param prefixLength the length of the view's prefix, left out of the keys read
	 * @param withExpired also read expired items not yet deleted (to delete them);
	 * otherwise they are filtered out by DynamoDB, as of the second each page is read
	 * @param readAhead whether each shard requests its next page while its current one is
	 * consumed
	 * @param observed wraps each page read, to observe and count it
	 * @param beforePage runs before pages are read, to check that the store is open
	 * @return the cursor, to close after use
	 */
	public MergeCursor cursor(SortKeyRange range, boolean reverse, boolean keysOnly, int prefixLength,
			boolean withExpired, boolean readAhead, UnaryOperator<Supplier<Page>> observed, Runnable beforePage) {
		ItemRequests.Projection projection = keysOnly ? ItemRequests.Projection.KEYS : ItemRequests.Projection.ITEMS;
		List<PageSource> sources = new ArrayList<>(shards());
		for (int shard = 0; shard < shards(); shard++) {
			sources.add(new QueryPages(this.runner, this.requests, this.layout, this.values, shard, range, reverse,
					projection, prefixLength, withExpired ? null : this.clock, null));
		}
		return new MergeCursor(sources, reverse, this.executor, this.concurrency, readAhead, observed, beforePage);
	}

	/**
	 * Copies every live key, with its value and expiry, into another database, resuming a
	 * copy to the same target that stopped (see {@link DatabaseCopy}).
	 * @param target the storage of the other database
	 * @return the number of keys copied
	 * @throws StoreFailure {@link Kind#WRITES_INCOMPLETE} naming the keys not written, or
	 * the failure that stopped the copy of a shard
	 */
	public long copyTo(DynamoStorage target) {
		return new DatabaseCopy(this, target).run();
	}

	/**
	 * The pages of every live key of one shard, with values and expiries, whole keys.
	 */
	PageSource shardPages(int shard, SortKeyRange range) {
		return new QueryPages(this.runner, this.requests, this.layout, this.values, shard, range, false,
				ItemRequests.Projection.ITEMS, 0, this.clock, null);
	}

	/**
	 * Whether another storage sends its requests through the same client as this one
	 * (then the same table name is the same table).
	 * @param other the other storage
	 * @return {@code true} when both use one client
	 */
	public boolean sameClient(DynamoStorage other) {
		return this.runner.sameClient(other.runner);
	}

	KeyLayout layout() {
		return this.layout;
	}

	RequestRunner runner() {
		return this.runner;
	}

	int concurrency() {
		return this.concurrency;
	}

	Executor executor() {
		return this.executor;
	}

	/**
	 * The shard count of the database.
	 * @return 1 to {@value Limits#MAX_SHARDS}
	 */
	public int shards() {
		return this.layout.shards();
	}

	/**
	 * Estimates the bytes stored in a range: the keys' items from the read capacity that
	 * reading them consumes (one read unit per 4 KB of items read, 8 KB when eventually
	 * consistent, whatever is projected: so the estimate has that granularity per page),
	 * plus the stored length of each chunked value, which its item's form names. The
	 * shards are read concurrently.
	 * @param range the planned sort-key range
	 * @return the estimated size in bytes
	 */
	public long estimateSize(SortKeyRange range) {
		if (range.empty()) {
			return 0;
		}
		long bytesPerUnit = this.consistentReads ? 4096 : 8192;
		DoubleAdder units = new DoubleAdder();
		LongAdder chunkBytes = new LongAdder();
		MalformedItems skipped = new MalformedItems("approximateSize", this.runner);
		try {
			forEachShard((shard) -> {
				@Nullable Map<String, AttributeValue> start = null;
				do {
					QueryResponse response = this.runner.run(Operation.QUERY,
							this.requests.query(shard, range, false, 0, ItemRequests.Projection.FORMS, start, null));
					if (response.consumedCapacity() != null && response.consumedCapacity().capacityUnits() != null) {
						units.add(response.consumedCapacity().capacityUnits());
					}
					for (Map<String, AttributeValue> item : response.items()) {
						ChunkedValue value = this.values.chunkedOf(item, skipped);
						chunkBytes.add((value != null) ? value.manifest().storedLength() : 0);
					}
					start = ItemRequests.lastEvaluatedKey(response);
				}
				while (start != null);
			});
		}
		finally {
			skipped.logSummary(this.layout.table());
		}
		return Math.round(units.sum() * bytesPerUnit) + chunkBytes.sum();
	}

	/**
	 * Runs a task for every shard, as many at once as the store's concurrency allows; the
	 * first failure is rethrown when all are done.
	 */
	void forEachShard(IntConsumer task) {
		List<Integer> shards = new ArrayList<>(shards());
		for (int shard = 0; shard < shards(); shard++) {
			shards.add(shard);
		}
		Parallel.forEachChunk(this.executor, this.concurrency, shards, 1, (one) -> task.accept(one.get(0)));
	}

	/**
	 * The requests each of the shards run at once may send at once, so that together they
	 * stay within the store's concurrency.
	 */
	private int perShardConcurrency() {
		return Math.max(1, this.concurrency / Math.min(shards(), this.concurrency));
	}

}
