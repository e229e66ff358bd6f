package io.dynamodown.internal.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

import io.dynamodown.internal.batch.WriteOp;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.layout.Records;
import io.dynamodown.internal.range.RangePlanner;
import io.dynamodown.internal.range.SortKeyRange;
import io.dynamodown.internal.request.Operation;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Copies every live key of one database, with its value and expiry, into another: each
 * shard of the source is read in key order, a page at a time (one {@code Query}, values
 * of large keys read from their chunks), and each page is written to the target with bulk
 * writes while the next page is read; the source's shards are copied concurrently. After
 * each page, the shard's progress is recorded in a record of the target, named
 * {@code copy/<source>/<shard>} where {@code <source>} is 32 hex digits of the SHA-256 of
 * the source's {@code table/hashKey}: a copy stopped by a failure resumes from there, and
 * a copy that completes removes its records.
 */
final class DatabaseCopy {

	private static final String POSITION = "position";

	private static final String DONE = "done";

	private static final String SOURCE = "source";

	private final DynamoStorage source;

	private final DynamoStorage target;

	private final String recordPrefix;

	DatabaseCopy(DynamoStorage source, DynamoStorage target) {
		this.source = source;
		this.target = target;
		this.recordPrefix = "copy/" + sourceId(source.layout()) + "/";
	}

	/**
	 * Copies what is left to copy.
	 * @return the number of keys copied
	 * @throws StoreFailure {@link Kind#WRITES_INCOMPLETE} naming the keys not written, or
	 * the failure that stopped a shard; the shards that completed are recorded as done
	 */
	long run() {
		SortKeyRange everything = RangePlanner.plan(new byte[0], null, null);
		LongAdder copied = new LongAdder();
		List<StoreFailure> failures = new ArrayList<>();
		int writers = Math.max(1,
				this.target.concurrency() / Math.min(this.source.shards(), this.source.concurrency()));
		this.source.forEachShard((shard) -> {
			try {
				copied.add(copyShard(shard, everything, writers));
			}
			catch (StoreFailure ex) {
				synchronized (failures) {
					failures.add(ex);
				}
			}
		});
		DynamoStorage.throwCombined("copy", failures);
		for (int shard = 0; shard < this.source.shards(); shard++) {
			this.target.runner().run(Operation.DELETE_ITEM, deleteRecord(shard));
		}
		return copied.sum();
	}

	private long copyShard(int shard, SortKeyRange everything, int writers) {
		Map<String, AttributeValue> record = this.target.runner().run(Operation.GET_ITEM, getRecord(shard)).item();
		AttributeValue progress = (record != null) ? record.get(this.target.layout().names().value()) : null;
		Map<String, AttributeValue> state = (progress != null && progress.hasM()) ? progress.m() : Map.of();
		if (Boolean.TRUE.equals(bool(state.get(DONE)))) {
			return 0;
		}
		AttributeValue position = state.get(POSITION);
		Continuation from = (position != null && position.b() != null) ? startAt(shard, position.b()) : null;
		PageSource pages = this.source.shardPages(shard, everything);
		long copied = 0;
		Page page = pages.fetch(from, 0);
		while (true) {
			List<WriteOp> puts = new ArrayList<>(page.keys().size());
			for (int i = 0; i < page.keys().size(); i++) {
				byte[] key = page.keys().get(i);
				puts.add(new WriteOp.Put(key, this.target.encoder().checked(key, page.values().get(i)),
						page.expiries().get(i), null));
			}
			Continuation next = page.next();
			CompletableFuture<Page> ahead = (next != null) ? readAhead(pages, next) : null;
			try {
				this.target.writeBulk("copy", puts, writers);
			}
			catch (RuntimeException ex) {
				if (ahead != null) {
					ahead.cancel(false);
				}
				throw ex;
			}
			copied += puts.size();
			this.target.runner().run(Operation.PUT_ITEM, putRecord(shard, next));
			if (ahead == null) {
				return copied;
			}
			page = Parallel.join(ahead, "reading the next page to copy");
		}
	}

	/**
	 * Reads the next page of a shard while the current one is written.
	 */
	private CompletableFuture<Page> readAhead(PageSource pages, Continuation next) {
		try {
			return CompletableFuture.supplyAsync(() -> pages.fetch(next, 0), this.source.executor());
		}
		catch (RejectedExecutionException ex) {
			return CompletableFuture.completedFuture(pages.fetch(next, 0));
		}
	}

	private Continuation startAt(int shard, SdkBytes sortKey) {
		KeyLayout layout = this.source.layout();
		Map<String, AttributeValue> start = new HashMap<>(4);
		start.put(layout.names().hashKey(), layout.partitionKeyValue(shard));
		start.put(layout.names().sortKey(), AttributeValue.fromB(sortKey));
		return new Continuation(start);
	}

	private DeleteItemRequest deleteRecord(int shard) {
		return DeleteItemRequest.builder()
			.tableName(this.target.layout().table())
			.key(Records.primaryKey(this.target.layout(), recordName(shard)))
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
			.build();
	}

	private GetItemRequest getRecord(int shard) {
		return GetItemRequest.builder()
			.tableName(this.target.layout().table())
			.key(Records.primaryKey(this.target.layout(), recordName(shard)))
			.consistentRead(true)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
			.build();
	}

	/**
	 * The record of a shard's progress: where its next page starts, or done.
	 */
	private PutItemRequest putRecord(int shard, @Nullable Continuation next) {
		KeyLayout from = this.source.layout();
		Map<String, AttributeValue> state = new HashMap<>(4);
		state.put(SOURCE, AttributeValue.fromS(from.table() + "/" + from.hashKey()));
		state.put(DONE, AttributeValue.fromBool(next == null));
		if (next != null) {
			state.put(POSITION, next.startKey().get(from.names().sortKey()));
		}
		Map<String, AttributeValue> item = Records.primaryKey(this.target.layout(), recordName(shard));
		item.put(this.target.layout().names().value(), AttributeValue.fromM(state));
		return PutItemRequest.builder()
			.tableName(this.target.layout().table())
			.item(item)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
			.build();
	}

	private String recordName(int shard) {
		return this.recordPrefix + shard;
	}

	private static @Nullable Boolean bool(@Nullable AttributeValue value) {
		return (value != null) ? value.bool() : null;
	}

	private static String sourceId(KeyLayout layout) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((layout.table() + "/" + layout.hashKey()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new StoreFailure(Kind.REQUEST_FAILED, "SHA-256 is missing from this JVM", ex);
		}
	}

}
