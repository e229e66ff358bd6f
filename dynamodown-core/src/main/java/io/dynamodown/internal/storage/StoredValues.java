package io.dynamodown.internal.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dynamodown.internal.batch.WriteOp;
import io.dynamodown.internal.expiry.ExpiryClock;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.key.ByteKeys;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import io.dynamodown.internal.value.Codecs;
import io.dynamodown.internal.value.Manifest;
import io.dynamodown.internal.value.StoredForms.Stored;
import io.dynamodown.internal.value.StoredForms;
import io.dynamodown.internal.value.StoredValue;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns the items of keys into values and puts into items: an inline value is
 * decompressed as its form says; a chunked one is read from its chunks, and when a chunk
 * is missing (the key was written again after its item was read) the key's item is read
 * again, so a reader never sees a torn or mixed value.
 */
final class StoredValues {

	/** How often a key's item is read while its chunks keep being replaced. */
	static final int MAX_READS = 16;

	private final KeyLayout layout;

	private final Chunks chunks;

	private final RequestRunner runner;

	private final ItemRequests requests;

	private final ExpiryClock clock;

	private final long maxValueBytes;

	StoredValues(KeyLayout layout, Chunks chunks, RequestRunner runner, ItemRequests requests, ExpiryClock clock,
			long maxValueBytes) {
		this.layout = layout;
		this.chunks = chunks;
		this.runner = runner;
		this.requests = requests;
		this.clock = clock;
		this.maxValueBytes = maxValueBytes;
	}

	/**
	 * The chunk items' side.
	 * @return the chunks
	 */
	Chunks chunks() {
		return this.chunks;
	}

	/**
	 * Whether a put's value fits in its key's item.
	 * @param put the put
	 * @return {@code true} when the item is within DynamoDB's item size limit
	 */
	boolean fitsInline(WriteOp.Put put) {
		return this.layout.fitsInline(put.key(), put.value(), put.expiresAt() != null);
	}

	/**
	 * The item a put writes, its chunks written first when its value does not fit inline.
	 * @param put the put
	 * @param written collects the chunked value written, if any
	 * @return the key's item
	 */
	Map<String, AttributeValue> itemOf(WriteOp.Put put, List<ChunkedValue> written) {
		if (fitsInline(put)) {
			return this.layout.item(put.key(), put.value(), put.expiresAt());
		}
		Manifest manifest = this.chunks.write(put.key(), put.value(), put.expiresAt());
		written.add(new ChunkedValue(put.key(), manifest));
		return this.layout.manifestItem(put.key(), manifest, put.expiresAt());
	}

	/**
	 * The chunked value an item names, for a write or maintenance that removes its
	 * chunks: an item that cannot be read is skipped (reported, its chunks left alone).
	 * @param item the item, or {@code null}
	 * @param skipped where an unreadable item is recorded
	 * @return the chunked value, or {@code null} when the item is absent, holds its value
	 * inline, or cannot be read
	 */
	@Nullable ChunkedValue chunkedOf(@Nullable Map<String, AttributeValue> item, MalformedItems skipped) {
		if (item == null || item.isEmpty()) {
			return null;
		}
		byte[] key = this.layout.keyOf(item);
		try {
			return chunkedOf(key, this.layout.formOf(item), skipped);
		}
		catch (StoreFailure ex) {
			skipped.skipped(key, ex.getMessage());
			return null;
		}
	}

	/**
	 * The chunked value a key's form names, as {@link #chunkedOf(Map, MalformedItems)}
	 * does for the form read on its own.
	 * @param key the full key
	 * @param form the key's form, or {@code null} (or empty) when it has none
	 * @param skipped where a form that cannot be read is recorded
	 * @return the chunked value, or {@code null} when the form names no chunks or cannot
	 * be read
	 */
	@Nullable ChunkedValue chunkedOf(byte[] key, byte @Nullable [] form, MalformedItems skipped) {
		try {
			return (form != null && form.length > 0 && form[0] == StoredForms.MANIFEST)
					? new ChunkedValue(key, Manifest.decode(key, this.layout.names().form(), form, this.maxValueBytes))
					: null;
		}
		catch (StoreFailure ex) {
			skipped.skipped(key, ex.getMessage());
			return null;
		}
	}

	/**
	 * Removes the chunks of the value an item held, unless it is the value just written;
	 * an item that cannot be read is replaced all the same, its chunks left alone and
	 * reported.
	 * @param operation the store operation, for reports
	 * @param replaced the item replaced or deleted, or {@code null}
	 * @param written the manifest just written, or {@code null}
	 */
	void dropReplaced(String operation, @Nullable Map<String, AttributeValue> replaced, @Nullable Manifest written) {
		MalformedItems skipped = new MalformedItems(operation, this.runner);
		ChunkedValue old = chunkedOf(replaced, skipped);
		if (old != null && (written == null || !old.manifest().sameGeneration(written))) {
			this.chunks.deleteQuietly(operation, List.of(old));
		}
		skipped.logSummary(this.layout.table());
	}

	/**
	 * Whether an item is present and live now.
	 * @param item the item, or {@code null}
	 * @return {@code true} when present and not expired
	 */
	boolean isLive(@Nullable Map<String, AttributeValue> item) {
		return item != null && !item.isEmpty() && ExpiryClock.isLive(this.layout.expiresAtOf(item), this.clock.now());
	}

	/**
	 * The value of a key from its item, read again while its chunks keep being replaced.
	 * Reads after the first are strongly consistent, whatever the store's reads, so that
	 * a chunk missing from an eventually consistent read is not taken for a replaced
	 * value, and the item read again is the latest. A chunk missing from a consistent
	 * read while the key's item, read again, still names the same chunks was deleted by
	 * something else: the item is corrupt.
	 * @param key the full key
	 * @param item the key's item as read, or {@code null} when absent
	 * @return the value, if the key is present and live
	 * @throws StoreFailure {@link Kind#CORRUPT_ITEM} naming the key and the attribute
	 * when its item cannot be read
	 */
	Optional<byte[]> valueOf(byte[] key, @Nullable Map<String, AttributeValue> item) {
		return valueOf(key, item, false);
	}

	private Optional<byte[]> valueOf(byte[] key, @Nullable Map<String, AttributeValue> item, boolean consistent) {
		Map<String, AttributeValue> current = item;
		@Nullable Manifest missing = null;
		for (int reads = 1;; reads++) {
			if (current == null || !isLive(current)) {
				return Optional.empty();
			}
			Stored stored = this.layout.storedOf(current, this.maxValueBytes);
			if (stored instanceof Stored.Inline inline) {
				return Optional.of(decode(key, this.layout.names().value(), inline.value()));
			}
			Manifest manifest = ((Stored.Chunked) stored).manifest();
			if (missing != null && missing.equals(manifest)) {
				throw StoreFailure.corrupt(key, this.layout.names().form(),
						"names chunks that are missing from a consistent read (deleted by something other than this"
								+ " store)");
			}
			boolean readConsistent = consistent || reads > 1 || this.requests.consistentReads();
			StoredValue value = this.chunks.read(new ChunkedValue(key, manifest), readConsistent);
			if (value != null) {
				return Optional.of(decode(key, this.layout.names().value(), value));
			}
			if (reads >= MAX_READS) {
				throw new StoreFailure(Kind.REQUEST_FAILED,
						"the value of key " + ByteKeys.hex(key) + " names chunks that were missing in " + MAX_READS
								+ " reads: it was replaced each time it was read");
			}
			missing = readConsistent ? manifest : null;
			current = this.runner.run(Operation.GET_ITEM, this.requests.get(key, true)).item();
		}
	}

	/**
	 * The value of an item image of a stream record: inline, decoded; chunked, read whole
	 * from its chunks (strongly consistent) when asked.
	 * @param key the full key
	 * @param image the image, with its key attributes
	 * @param readChunks whether to read the chunks of a chunked value
	 * @return the value, or {@code null} when it is chunked and not read, or a chunk is
	 * gone
	 * @throws StoreFailure {@link Kind#CORRUPT_ITEM} naming the key and the attribute
	 * when the image or its chunks cannot be read
	 */
	byte @Nullable [] imageValue(byte[] key, Map<String, AttributeValue> image, boolean readChunks) {
		Stored stored = StoredForms.read(key, this.layout.names(),
				KeyLayout.binaryOf(key, image, this.layout.names().value()),
				KeyLayout.binaryOf(key, image, this.layout.names().form()), this.maxValueBytes);
		if (stored instanceof Stored.Inline inline) {
			return decode(key, this.layout.names().value(), inline.value());
		}
		if (!readChunks) {
			return null;
		}
		StoredValue value = this.chunks.read(new ChunkedValue(key, ((Stored.Chunked) stored).manifest()), true);
		return (value != null) ? decode(key, this.layout.names().value(), value) : null;
	}

	/**
	 * How many first items of a page to decode so that their chunked values stay within
	 * the read budget: at least one, and every item when they all fit. An item that
	 * cannot be read counts nothing here (its read fails later, naming it).
	 * @param items the items of a page
	 * @return the number of first items to keep
	 */
	int withinReadBudget(List<Map<String, AttributeValue>> items) {
		long budget = this.chunks.readBudget();
		long bytes = 0;
		for (int i = 0; i < items.size(); i++) {
			bytes += storedLengthIfChunked(items.get(i));
			if (bytes > budget && i > 0) {
				return i;
			}
		}
		return items.size();
	}

	private long storedLengthIfChunked(Map<String, AttributeValue> item) {
		try {
			return (this.layout.storedOf(item, this.maxValueBytes) instanceof Stored.Chunked chunked)
					? chunked.manifest().storedLength() : 0;
		}
		catch (StoreFailure ex) {
			return 0;
		}
	}

	/**
	 * The values of items read together (a page or a many-key read), each read again on
	 * its own when its chunks were replaced meanwhile.
	 * @param items the items, each live when read
	 * @return the values, one per item; {@code null} where the key has been deleted or
	 * has expired since
	 * @throws StoreFailure {@link Kind#CORRUPT_ITEM} naming the key and the attribute of
	 * the first item that cannot be read
	 */
	List<byte @Nullable []> valuesOf(List<Map<String, AttributeValue>> items) {
		List<byte @Nullable []> values = new ArrayList<>(items.size());
		List<Integer> chunked = new ArrayList<>();
		List<ChunkedValue> large = new ArrayList<>();
		for (Map<String, AttributeValue> item : items) {
			byte[] key = this.layout.keyOf(item);
			Stored stored = this.layout.storedOf(item, this.maxValueBytes);
			if (stored instanceof Stored.Chunked manifest) {
				chunked.add(values.size());
				large.add(new ChunkedValue(key, manifest.manifest()));
				values.add(null);
			}
			else {
				values.add(decode(key, this.layout.names().value(), ((Stored.Inline) stored).value()));
			}
		}
		List<@Nullable StoredValue> read = large.isEmpty() ? List.of() : this.chunks.readAll(large, false);
		for (int i = 0; i < chunked.size(); i++) {
			int at = chunked.get(i);
			StoredValue value = read.get(i);
			byte[] key = large.get(i).owner();
			if (value != null) {
				values.set(at, decode(key, this.layout.names().value(), value));
			}
			else {
				values.set(at,
						valueOf(key, this.runner.run(Operation.GET_ITEM, this.requests.get(key, true)).item(), true)
							.orElse(null));
			}
		}
		return values;
	}

	private byte[] decode(byte[] key, String attribute, StoredValue stored) {
		return Codecs.decode(key, attribute, stored.bytes(), stored.codec(), this.maxValueBytes);
	}

}
