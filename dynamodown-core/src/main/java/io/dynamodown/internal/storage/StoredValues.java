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
import io.dynamodown.internal.value.Manifest;
import io.dynamodown.internal.value.StoredForms.Stored;
import io.dynamodown.internal.value.StoredForms;
import io.dynamodown.internal.value.StoredValue;
import io.dynamodown.internal.value.ValueEncoder;
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

	StoredValues(KeyLayout layout, Chunks chunks, RequestRunner runner, ItemRequests requests, ExpiryClock clock) {
		this.layout = layout;
		this.chunks = chunks;
		this.runner = runner;
		this.requests = requests;
		this.clock = clock;
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
	 * @param written collects the manifest of chunks written, if any
	 * @return the key's item
	 */
	Map<String, AttributeValue> itemOf(WriteOp.Put put, List<Manifest> written) {
		if (fitsInline(put)) {
			return this.layout.item(put.key(), put.value(), put.expiresAt());
		}
		Manifest manifest = this.chunks.write(put.key(), put.value(), put.expiresAt());
		written.add(manifest);
		return this.layout.manifestItem(put.key(), manifest, put.expiresAt());
	}

	/**
	 * The manifest an item names, if its value is chunked.
	 * @param item the item, or {@code null}
	 * @return the manifest, or {@code null} when the item is absent or holds its value
	 * inline
	 */
	@Nullable Manifest manifestOf(@Nullable Map<String, AttributeValue> item) {
		if (item == null || item.isEmpty()) {
			return null;
		}
		byte[] form = this.layout.formOf(item);
		return (form != null && form.length > 0 && form[0] == StoredForms.MANIFEST) ? Manifest.decode(form) : null;
	}

	/**
	 * Removes the chunks of the value an item held, unless it is the value just written.
	 * @param replaced the item replaced or deleted, or {@code null}
	 * @param written the manifest just written, or {@code null}
	 */
	void dropReplaced(@Nullable Map<String, AttributeValue> replaced, @Nullable Manifest written) {
		Manifest old = manifestOf(replaced);
		if (old != null && (written == null || !old.sameGeneration(written))) {
			this.chunks.deleteQuietly(List.of(old));
		}
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
	 * value, and the item read again is the latest.
	 * @param key the full key
	 * @param item the key's item as read, or {@code null} when absent
	 * @return the value, if the key is present and live
	 */
	Optional<byte[]> valueOf(byte[] key, @Nullable Map<String, AttributeValue> item) {
		return valueOf(key, item, false);
	}

	private Optional<byte[]> valueOf(byte[] key, @Nullable Map<String, AttributeValue> item, boolean consistent) {
		Map<String, AttributeValue> current = item;
		for (int reads = 1;; reads++) {
			if (current == null || !isLive(current)) {
				return Optional.empty();
			}
			byte[] value = decode(current, consistent || reads > 1);
			if (value != null) {
				return Optional.of(value);
			}
			if (reads >= MAX_READS) {
				throw new StoreFailure(Kind.REQUEST_FAILED,
						"the value of key " + ByteKeys.hex(key) + " names chunks that were missing in " + MAX_READS
								+ " reads: it was replaced each time it was read, or its chunk items were deleted by"
								+ " something other than this store");
			}
			current = this.runner.run(Operation.GET_ITEM, this.requests.get(key, true)).item();
		}
	}

	/**
	 * The values of items read together (a page or a many-key read), each read again on
	 * its own when its chunks were replaced meanwhile.
	 * @param items the items, each live when read
	 * @return the values, one per item; {@code null} where the key has been deleted or
	 * has expired since
	 */
	List<byte @Nullable []> valuesOf(List<Map<String, AttributeValue>> items) {
		List<byte @Nullable []> values = new ArrayList<>(items.size());
		List<Integer> chunked = new ArrayList<>();
		List<Manifest> manifests = new ArrayList<>();
		for (Map<String, AttributeValue> item : items) {
			Stored stored = this.layout.storedOf(item);
			if (stored instanceof Stored.Chunked large) {
				chunked.add(values.size());
				manifests.add(large.manifest());
				values.add(null);
			}
			else {
				values.add(ValueEncoder.decode(((Stored.Inline) stored).value()));
			}
		}
		List<@Nullable StoredValue> read = manifests.isEmpty() ? List.of() : this.chunks.readAll(manifests, false);
		for (int i = 0; i < chunked.size(); i++) {
			int at = chunked.get(i);
			StoredValue value = read.get(i);
			if (value != null) {
				values.set(at, ValueEncoder.decode(value));
			}
			else {
				byte[] key = this.layout.keyOf(items.get(at));
				values.set(at,
						valueOf(key, this.runner.run(Operation.GET_ITEM, this.requests.get(key, true)).item(), true)
							.orElse(null));
			}
		}
		return values;
	}

	/**
	 * The value of an item, or {@code null} when its chunks are no longer all there.
	 */
	private byte @Nullable [] decode(Map<String, AttributeValue> item, boolean consistent) {
		Stored stored = this.layout.storedOf(item);
		if (stored instanceof Stored.Inline inline) {
			return ValueEncoder.decode(inline.value());
		}
		StoredValue value = this.chunks.read(((Stored.Chunked) stored).manifest(), consistent);
		return (value != null) ? ValueEncoder.decode(value) : null;
	}

}
