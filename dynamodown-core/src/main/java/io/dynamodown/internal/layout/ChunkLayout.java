package io.dynamodown.internal.layout;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.dynamodown.internal.limit.Limits;
import io.dynamodown.internal.value.Manifest;
import io.dynamodown.internal.value.StoredForms;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the chunk items of large values to DynamoDB items, in a sort-key space of their
 * own, on the partition key of the owning key's shard: sort key = format byte
 * {@code 0x01}, the 16-byte generation id, then the chunk's index (4 bytes, big-endian);
 * value = the chunk's stored bytes; form = {@code 0x40} followed by the owning key (so
 * that orphaned chunks can be told from live ones); expiry = the owning key's, so that
 * DynamoDB's TTL removes them with it. Every range of keys is bounded below {@code 0x01},
 * so no range ever reads a chunk.
 *
 * @param keys the layout of the keys' own items
 */
public record ChunkLayout(KeyLayout keys) {

	/** The first byte of every chunk item's sort key. */
	public static final byte FORMAT_BYTE = 0x01;

	/** The length of a chunk item's sort key. */
	public static final int SORT_KEY_BYTES = 1 + Manifest.GENERATION_BYTES + 4;

	/**
	 * The sort key of a chunk.
	 * @param generation the generation id
	 * @param index the chunk's index
	 * @return the sort key bytes
	 */
	public static byte[] sortKey(byte[] generation, int index) {
		return ByteBuffer.allocate(SORT_KEY_BYTES).put(FORMAT_BYTE).put(generation).putInt(index).array();
	}

	/**
	 * The lowest sort key of the chunks of generations begun before an epoch millisecond:
	 * the exclusive upper bound of a query for them.
	 * @param epochMillis the epoch millisecond
	 * @return the sort key bytes
	 */
	public static byte[] sortKeyBefore(long epochMillis) {
		return ByteBuffer.allocate(9).put(FORMAT_BYTE).putLong(epochMillis).array();
	}

	/**
	 * The primary key of a chunk.
	 * @param owner the full key whose value the chunk belongs to, which decides its shard
	 * @param generation the generation id
	 * @param index the chunk's index
	 * @return a mutable map of the partition and sort key
	 */
	public Map<String, AttributeValue> primaryKey(byte[] owner, byte[] generation, int index) {
		Map<String, AttributeValue> primaryKey = new HashMap<>(4);
		primaryKey.put(this.keys.names().hashKey(), this.keys.partitionKeyValue(this.keys.shardOf(owner)));
		primaryKey.put(this.keys.names().sortKey(), KeyLayout.binary(sortKey(generation, index)));
		return primaryKey;
	}

	/**
	 * The item of a chunk.
	 * @param generation the generation id
	 * @param index the chunk's index
	 * @param owner the full key whose value the chunk belongs to
	 * @param data the chunk's bytes; not copied
	 * @param expiresAt the owning key's expiry, or {@code null}
	 * @return a mutable map of the item's attributes
	 */
	public Map<String, AttributeValue> item(byte[] generation, int index, byte[] owner, byte[] data,
			@Nullable Long expiresAt) {
		Map<String, AttributeValue> item = primaryKey(owner, generation, index);
		item.put(this.keys.names().value(), KeyLayout.binary(data));
		byte[] form = new byte[owner.length + 1];
		form[0] = StoredForms.CHUNK;
		System.arraycopy(owner, 0, form, 1, owner.length);
		item.put(this.keys.names().form(), KeyLayout.binary(form));
		return this.keys.withExpiry(item, expiresAt);
	}

	/**
	 * The most stored bytes one chunk of a key's value can hold: DynamoDB's item limit
	 * less the chunk item's attribute names, sort key, owner and expiry.
	 * @param owner the full key
	 * @param expires whether the key has an expiry
	 * @return the chunk capacity in bytes
	 */
	public int capacity(byte[] owner, boolean expires) {
		long overhead = this.keys.primaryKeySizeOfSortKey(this.keys.shardOf(owner), SORT_KEY_BYTES)
				+ KeyLayout.utf8Length(this.keys.names().value()) + KeyLayout.utf8Length(this.keys.names().form()) + 1L
				+ owner.length + (expires ? this.keys.expirySize() : 0);
		return (int) (Limits.MAX_ITEM_BYTES - overhead);
	}

	/**
	 * The generation, index and owning key of a chunk item read from DynamoDB.
	 * @param item the item, with at least its sort key and form
	 * @return the chunk's identity, or {@code null} when the item is not a chunk item of
	 * this format (a form other than a chunk's, or an owning key longer than a key can
	 * be)
	 */
	public @Nullable ChunkId idOf(Map<String, AttributeValue> item) {
		AttributeValue sortKey = item.get(this.keys.names().sortKey());
		AttributeValue formAttribute = item.get(this.keys.names().form());
		byte[] form = (formAttribute != null && formAttribute.b() != null) ? formAttribute.b().asByteArrayUnsafe()
				: null;
		if (sortKey == null || sortKey.b() == null || form == null || form.length == 0 || form[0] != StoredForms.CHUNK
				|| form.length - 1 > Limits.MAX_KEY_BYTES) {
			return null;
		}
		byte[] bytes = sortKey.b().asByteArrayUnsafe();
		if (bytes.length != SORT_KEY_BYTES || bytes[0] != FORMAT_BYTE) {
			return null;
		}
		byte[] generation = Arrays.copyOfRange(bytes, 1, 1 + Manifest.GENERATION_BYTES);
		int index = ByteBuffer.wrap(bytes, 1 + Manifest.GENERATION_BYTES, 4).getInt();
		return new ChunkId(generation, index, Arrays.copyOfRange(form, 1, form.length));
	}

	/**
	 * The data of a chunk item read from DynamoDB.
	 * @param item the item
	 * @return the chunk's bytes, not copied; {@code null} when it has none or the value
	 * attribute is not binary
	 */
	public byte @Nullable [] dataOf(Map<String, AttributeValue> item) {
		AttributeValue value = item.get(this.keys.names().value());
		return (value != null && value.b() != null) ? value.b().asByteArrayUnsafe() : null;
	}

	/**
	 * Who a chunk item is.
	 *
	 * @param generation the generation id
	 * @param index the chunk's index
	 * @param owner the full key whose value it belongs to
	 */
	public record ChunkId(byte[] generation, int index, byte[] owner) {

	}

}
