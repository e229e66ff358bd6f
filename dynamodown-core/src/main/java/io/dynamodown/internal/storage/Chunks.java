package io.dynamodown.internal.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import io.dynamodown.internal.expiry.ExpiryClock;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.key.ByteKey;
import io.dynamodown.internal.layout.ChunkLayout;
import io.dynamodown.internal.limit.Limits;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import io.dynamodown.internal.value.Manifest;
import io.dynamodown.internal.value.StoredValue;
import io.dynamodown.metrics.RetryReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Reads, writes and deletes the chunk items of large values. A value is written under a
 * fresh generation in {@code BatchWriteItem} requests of 25 chunks, read in
 * {@code BatchGetItem} requests of at most {@value #CHUNKS_PER_READ} chunks (DynamoDB
 * answers at most 16 MB per request), and its chunks are deleted once another generation
 * or a delete has replaced it; requests are sent concurrently and what DynamoDB leaves
 * unprocessed goes through the one {@link RetryLoop}.
 */
final class Chunks {

	/** The most chunks one {@code BatchGetItem} asks for: 16 MB of 400 KB items. */
	static final int CHUNKS_PER_READ = 16 * 1024 * 1024 / Limits.MAX_ITEM_BYTES;

	private static final Logger logger = LoggerFactory.getLogger(Chunks.class);

	private final ChunkLayout layout;

	private final RequestRunner runner;

	private final ItemRequests requests;

	private final RetryLoop retry;

	private final BatchGets batchGets;

	private final Executor executor;

	private final int concurrency;

	private final ExpiryClock clock;

	Chunks(ChunkLayout layout, RequestRunner runner, ItemRequests requests, RetryLoop retry, BatchGets batchGets,
			Executor executor, int concurrency, ExpiryClock clock) {
		this.layout = layout;
		this.runner = runner;
		this.requests = requests;
		this.retry = retry;
		this.batchGets = batchGets;
		this.executor = executor;
		this.concurrency = concurrency;
		this.clock = clock;
	}

	/**
	 * The layout of chunk items.
	 * @return the layout
	 */
	ChunkLayout layout() {
		return this.layout;
	}

	/**
	 * Writes a stored value's chunks under a fresh generation. Nothing refers to them
	 * until the key's item names the returned manifest.
	 * @param owner the full key
	 * @param stored the stored value
	 * @param expiresAt the key's expiry, given to every chunk, or {@code null}
	 * @return the manifest naming the chunks
	 * @throws StoreFailure when a chunk could not be written; chunks already written stay
	 * behind, unreferenced, for {@link Orphans}
	 */
	Manifest write(byte[] owner, StoredValue stored, @Nullable Long expiresAt) {
		byte[] value = stored.bytes();
		byte[] generation = Manifest.newGeneration(this.clock.millis());
		int capacity = this.layout.capacity(owner, expiresAt != null);
		int count = (value.length + capacity - 1) / capacity;
		List<WriteRequest> puts = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int from = i * capacity;
			byte[] data = Arrays.copyOfRange(value, from, Math.min(value.length, from + capacity));
			puts.add(this.requests.putRequest(this.layout.item(generation, i, owner, data, expiresAt)));
		}
		writeAll("large value", puts);
		return new Manifest(generation, count, value.length, stored.codec(), Manifest.crcOf(value));
	}

	/**
	 * Reads the stored bytes a manifest names.
	 * @param manifest the manifest
	 * @param forceConsistent read strongly consistent even when the store reads
	 * eventually consistent (after a chunk was found missing); otherwise as the store
	 * reads
	 * @return the stored value, or {@code null} when a chunk is missing or the bytes do
	 * not match the manifest (the key was written again since its item was read)
	 */
	@Nullable StoredValue read(Manifest manifest, boolean forceConsistent) {
		return readAll(List.of(manifest), forceConsistent).get(0);
	}

	/**
	 * Reads the stored bytes of several values together: their chunks in
	 * {@code BatchGetItem} requests of up to {@value #CHUNKS_PER_READ}, whichever value
	 * they belong to (the values of an iterator's page or of a many-key read).
	 * @param manifests the manifests
	 * @param forceConsistent read strongly consistent even when the store reads
	 * eventually consistent; otherwise as the store reads
	 * @return one stored value per manifest, {@code null} where a chunk is missing or the
	 * bytes do not match the manifest
	 */
	List<@Nullable StoredValue> readAll(List<Manifest> manifests, boolean forceConsistent) {
		List<Map<String, AttributeValue>> keys = new ArrayList<>();
		for (Manifest manifest : manifests) {
			for (int i = 0; i < manifest.chunks(); i++) {
				keys.add(this.layout.primaryKey(manifest.generation(), i));
			}
		}
		Map<ChunkRef, byte[]> found = new ConcurrentHashMap<>();
		Parallel.forEachChunk(this.executor, this.concurrency, keys, CHUNKS_PER_READ,
				(chunk) -> readChunks(chunk, forceConsistent, found));
		List<@Nullable StoredValue> values = new ArrayList<>(manifests.size());
		for (Manifest manifest : manifests) {
			values.add(assemble(manifest, found));
		}
		return values;
	}

	private static @Nullable StoredValue assemble(Manifest manifest, Map<ChunkRef, byte[]> found) {
		ByteKey generation = new ByteKey(manifest.generation());
		byte[] stored = new byte[(int) manifest.storedLength()];
		int at = 0;
		for (int i = 0; i < manifest.chunks(); i++) {
			byte[] data = found.get(new ChunkRef(generation, i));
			if (data == null || at + data.length > stored.length) {
				return null;
			}
			System.arraycopy(data, 0, stored, at, data.length);
			at += data.length;
		}
		if (at != stored.length || Manifest.crcOf(stored) != manifest.crc()) {
			return null;
		}
		return new StoredValue(stored, manifest.codec());
	}

	private void readChunks(List<Map<String, AttributeValue>> keys, boolean forceConsistent,
			Map<ChunkRef, byte[]> found) {
		this.batchGets.read("large value", keys, forceConsistent, (item) -> {
			ChunkLayout.ChunkId id = this.layout.idOf(item);
			if (id != null) {
				found.put(new ChunkRef(new ByteKey(id.generation()), id.index()), this.layout.dataOf(item));
			}
		});
	}

	/**
	 * Deletes the chunks of replaced or deleted values. The values are no longer
	 * referenced, so a failure leaves unreferenced chunks for {@link Orphans} and is
	 * logged, not thrown: the write that replaced them has happened.
	 * @param manifests the manifests of the values
	 */
	void deleteQuietly(List<Manifest> manifests) {
		if (manifests.isEmpty()) {
			return;
		}
		try {
			writeAll("chunk removal", deletes(manifests));
		}
		catch (RuntimeException ex) {
			logger.debug("Chunks of {} replaced values in {} were left for repair: {}", manifests.size(),
					this.layout.keys().table(), ex.getMessage());
		}
	}

	/**
	 * The delete requests of every chunk of values.
	 * @param manifests the manifests of the values
	 * @return one delete request per chunk
	 */
	List<WriteRequest> deletes(List<Manifest> manifests) {
		List<WriteRequest> deletes = new ArrayList<>();
		for (Manifest manifest : manifests) {
			for (int i = 0; i < manifest.chunks(); i++) {
				deletes.add(this.requests.deleteRequest(this.layout.primaryKey(manifest.generation(), i)));
			}
		}
		return deletes;
	}

	/**
	 * Writes items in {@code BatchWriteItem} requests of 25, concurrently.
	 * @param what the work, for the error message
	 * @param writes the write requests
	 * @throws StoreFailure the first failure, or {@link Kind#THROTTLED} when DynamoDB
	 * left items unprocessed after the retry policy gave up
	 */
	void writeAll(String what, List<WriteRequest> writes) {
		List<WriteRequest> undone = Collections.synchronizedList(new ArrayList<>());
		Parallel.forEachChunk(this.executor, this.concurrency, writes, Limits.MAX_BATCH_WRITE_ITEMS, (chunk) -> {
			RetryLoop.Outcome<WriteRequest> outcome = this.retry
				.run("BatchWriteItem", RetryReason.UNPROCESSED, chunk,
						(pending) -> this.runner.run(Operation.BATCH_WRITE_ITEM, this.requests.batchWrite(pending))
							.unprocessedItems()
							.getOrDefault(this.layout.keys().table(), List.of()))
				.rethrow();
			undone.addAll(outcome.undone());
		});
		if (!undone.isEmpty()) {
			throw new StoreFailure(Kind.THROTTLED, what + ": " + undone.size() + " of " + writes.size()
					+ " chunk writes still unprocessed after retries");
		}
	}

	/**
	 * A chunk read, by its generation and index.
	 */
	private record ChunkRef(ByteKey generation, int index) {

	}

}
