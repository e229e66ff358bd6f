package io.dynamodown.internal.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
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

	/**
	 * The most chunks one {@code BatchGetItem} asks for: 4 MB of 400 KB items, an answer
	 * a loaded connection carries well within the attempt timeout (DynamoDB would answer
	 * up to 16 MB).
	 */
	static final int CHUNKS_PER_READ = 10;

	private static final Logger logger = LoggerFactory.getLogger(Chunks.class);

	private final ChunkLayout layout;

	private final RequestRunner runner;

	private final ItemRequests requests;

	private final RetryLoop retry;

	private final BatchGets batchGets;

	private final Executor executor;

	private final int concurrency;

	private final ExpiryClock clock;

	private final ReadBudget budget;

	Chunks(ChunkLayout layout, RequestRunner runner, ItemRequests requests, RetryLoop retry, BatchGets batchGets,
			Executor executor, int concurrency, ExpiryClock clock, ReadBudget budget) {
		this.layout = layout;
		this.runner = runner;
		this.requests = requests;
		this.retry = retry;
		this.batchGets = batchGets;
		this.executor = executor;
		this.concurrency = concurrency;
		this.clock = clock;
		this.budget = budget;
	}

	/**
	 * The most stored bytes of large values read at once.
	 * @return the read budget in bytes
	 */
	int readBudget() {
		return this.budget.bytes();
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
	 * Reads the stored bytes of a chunked value.
	 * @param value the value and its owner
	 * @param forceConsistent read strongly consistent even when the store reads
	 * eventually consistent (after a chunk was found missing); otherwise as the store
	 * reads
	 * @return the stored value, or {@code null} when a chunk is missing (the key was
	 * written again since its item was read, or the chunk was deleted)
	 * @throws StoreFailure {@link Kind#CORRUPT_ITEM} when a chunk belongs to another key,
	 * is malformed, or the chunks do not add up to the manifest's length and checksum
	 */
	@Nullable StoredValue read(ChunkedValue value, boolean forceConsistent) {
		return readAll(List.of(value), forceConsistent).get(0);
	}

	/**
	 * Reads the stored bytes of several values together: their chunks in
	 * {@code BatchGetItem} requests of up to {@value #CHUNKS_PER_READ}, whichever value
	 * they belong to (the values of an iterator's page or of a many-key read), within the
	 * store's {@link ReadBudget}.
	 * @param values the values and their owners
	 * @param forceConsistent read strongly consistent even when the store reads
	 * eventually consistent; otherwise as the store reads
	 * @return one stored value per manifest, {@code null} where a chunk is missing
	 * @throws StoreFailure {@link Kind#CORRUPT_ITEM} as {@link #read} does
	 */
	List<@Nullable StoredValue> readAll(List<ChunkedValue> values, boolean forceConsistent) {
		List<Map<String, AttributeValue>> keys = new ArrayList<>();
		long bytes = 0;
		for (ChunkedValue value : values) {
			bytes += value.manifest().storedLength();
			for (int i = 0; i < value.manifest().chunks(); i++) {
				keys.add(this.layout.primaryKey(value.owner(), value.manifest().generation(), i));
			}
		}
		try (ReadBudget.Permit permit = this.budget.take(bytes)) {
			Map<ChunkRef, ChunkLayout.ChunkId> found = new ConcurrentHashMap<>();
			Map<ChunkRef, byte @Nullable []> data = new ConcurrentHashMap<>();
			Parallel.forEachChunk(this.executor, this.concurrency, keys, CHUNKS_PER_READ,
					(chunk) -> readChunks(chunk, forceConsistent, found, data));
			List<@Nullable StoredValue> read = new ArrayList<>(values.size());
			for (ChunkedValue value : values) {
				read.add(assemble(value, found, data));
			}
			return read;
		}
	}

	private @Nullable StoredValue assemble(ChunkedValue value, Map<ChunkRef, ChunkLayout.ChunkId> found,
			Map<ChunkRef, byte @Nullable []> data) {
		Manifest manifest = value.manifest();
		String form = this.layout.keys().names().form();
		ByteKey generation = new ByteKey(manifest.generation());
		byte[] stored = new byte[(int) manifest.storedLength()];
		int at = 0;
		for (int i = 0; i < manifest.chunks(); i++) {
			ChunkRef ref = new ChunkRef(generation, i);
			ChunkLayout.ChunkId id = found.get(ref);
			if (id == null) {
				return null;
			}
			if (!Arrays.equals(id.owner(), value.owner())) {
				throw StoreFailure.corrupt(value.owner(), form, "names the chunks of generation "
						+ HexFormat.of().formatHex(manifest.generation()) + ", which belong to another key");
			}
			byte[] chunk = data.get(ref);
			if (chunk == null || at + chunk.length > stored.length) {
				throw StoreFailure.corrupt(value.owner(), this.layout.keys().names().value(),
						"of chunk " + i + " of " + manifest.chunks() + " is "
								+ ((chunk == null) ? "missing or not binary" : "past the declared length")
								+ " (manifest: " + manifest.storedLength() + " stored bytes)");
			}
			System.arraycopy(chunk, 0, stored, at, chunk.length);
			at += chunk.length;
		}
		if (at != stored.length || Manifest.crcOf(stored) != manifest.crc()) {
			throw StoreFailure.corrupt(value.owner(), form, "names chunks whose " + at + " bytes do not match its "
					+ manifest.storedLength() + " bytes and checksum");
		}
		return new StoredValue(stored, manifest.codec());
	}

	private void readChunks(List<Map<String, AttributeValue>> keys, boolean forceConsistent,
			Map<ChunkRef, ChunkLayout.ChunkId> found, Map<ChunkRef, byte @Nullable []> data) {
		this.batchGets.read("large value", keys, forceConsistent, (item) -> {
			ChunkLayout.ChunkId id = this.layout.idOf(item);
			if (id != null) {
				ChunkRef ref = new ChunkRef(new ByteKey(id.generation()), id.index());
				found.put(ref, id);
				byte[] chunk = this.layout.dataOf(item);
				if (chunk != null) {
					data.put(ref, chunk);
				}
			}
		});
	}

	/**
	 * Deletes the chunks of replaced or deleted values, those that belong to the key that
	 * named them: their forms are read first ({@code BatchGetItem} of the sort keys and
	 * forms, 100 a request), and a chunk of another key (a manifest copied from another
	 * item) is left alone and reported. The values are no longer referenced, so a failure
	 * leaves unreferenced chunks for {@link Orphans} and is logged, not thrown: the write
	 * that replaced them has happened.
	 * @param operation the store operation, for reports
	 * @param values the values and the keys that held them
	 */
	void deleteQuietly(String operation, List<ChunkedValue> values) {
		if (values.isEmpty()) {
			return;
		}
		try {
			writeAll("chunk removal", ownedDeletes(operation, values));
		}
		catch (RuntimeException ex) {
			logger.debug("Chunks of {} replaced values in {} were left for repair: {}", values.size(),
					this.layout.keys().table(), ex.getMessage());
		}
	}

	/**
	 * Deletes the chunks a write of this store has just written and not committed (its
	 * condition failed); a failure leaves them for {@link Orphans}, logged, not thrown.
	 * @param values the chunked values written, with their keys
	 */
	void deleteWritten(List<ChunkedValue> values) {
		List<WriteRequest> deletes = new ArrayList<>();
		for (ChunkedValue value : values) {
			for (int i = 0; i < value.manifest().chunks(); i++) {
				deletes.add(this.requests
					.deleteRequest(this.layout.primaryKey(value.owner(), value.manifest().generation(), i)));
			}
		}
		try {
			writeAll("chunk removal", deletes);
		}
		catch (RuntimeException ex) {
			logger.debug("Chunks of {} uncommitted values in {} were left for repair: {}", values.size(),
					this.layout.keys().table(), ex.getMessage());
		}
	}

	private List<WriteRequest> ownedDeletes(String operation, List<ChunkedValue> values) {
		List<Map<String, AttributeValue>> keys = new ArrayList<>();
		for (ChunkedValue value : values) {
			for (int i = 0; i < value.manifest().chunks(); i++) {
				keys.add(this.layout.primaryKey(value.owner(), value.manifest().generation(), i));
			}
		}
		Map<ChunkRef, ChunkLayout.ChunkId> found = new ConcurrentHashMap<>();
		Parallel.forEachChunk(this.executor, this.concurrency, keys, Limits.MAX_BATCH_GET_KEYS,
				(chunk) -> this.batchGets.readForms("chunk removal", chunk, (item) -> {
					ChunkLayout.ChunkId id = this.layout.idOf(item);
					if (id != null) {
						found.put(new ChunkRef(new ByteKey(id.generation()), id.index()), id);
					}
				}));
		List<WriteRequest> deletes = new ArrayList<>();
		for (ChunkedValue value : values) {
			ByteKey generation = new ByteKey(value.manifest().generation());
			for (int i = 0; i < value.manifest().chunks(); i++) {
				ChunkLayout.ChunkId id = found.get(new ChunkRef(generation, i));
				if (id == null) {
					continue;
				}
				if (Arrays.equals(id.owner(), value.owner())) {
					deletes.add(this.requests.deleteRequest(this.layout.primaryKey(id.owner(), id.generation(), i)));
				}
				else {
					this.runner.reportMalformed(operation, value.owner(),
							"its manifest named chunks of another key; they were not deleted");
					break;
				}
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
