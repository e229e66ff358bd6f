package io.dynamodown.internal.layout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.dynamodown.internal.limit.Limits;
import io.dynamodown.table.AttributeNames;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one place that maps a store's keys and values to DynamoDB items: partition key =
 * the hash key, sort key = one format byte {@code 0x00} followed by the key's bytes,
 * value = the value's bytes, expiry (when the key has one) = a Number of epoch seconds,
 * DynamoDB's TTL format. The format byte lets the empty key exist (DynamoDB refuses empty
 * key attributes) and keeps DynamoDB's unsigned byte order of sort keys equal to
 * LevelDB's order of keys.
 *
 * @param table the table name
 * @param hashKey the hash key of this database
 * @param names the attribute names
 */
public record KeyLayout(String table, String hashKey, AttributeNames names) {

	/** The first byte of every sort key written by this format. */
	public static final byte FORMAT_BYTE = 0x00;

	/** The longest sort key DynamoDB accepts, in bytes. */
	public static final int MAX_SORT_KEY_BYTES = Limits.MAX_KEY_BYTES + 1;

	/**
	 * The most bytes DynamoDB counts for a Number value: 38 significant digits, one byte
	 * per two, plus one.
	 */
	private static final int MAX_NUMBER_BYTES = 21;

	/**
	 * The partition key value.
	 * @return the hash key as a string attribute
	 */
	public AttributeValue hashKeyValue() {
		return AttributeValue.fromS(this.hashKey);
	}

	/**
	 * The sort key bytes of a key.
	 * @param key the key
	 * @return the format byte followed by the key
	 */
	public byte[] sortKeyBytes(byte[] key) {
		byte[] sortKey = new byte[key.length + 1];
		sortKey[0] = FORMAT_BYTE;
		System.arraycopy(key, 0, sortKey, 1, key.length);
		return sortKey;
	}

	/**
	 * The sort key attribute of a key.
	 * @param key the key
	 * @return the binary sort key attribute
	 */
	public AttributeValue sortKeyValue(byte[] key) {
		return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(sortKeyBytes(key)));
	}

	/**
	 * The key of an item read from DynamoDB.
	 * @param item the item
	 * @return the key
	 */
	public byte[] keyOf(Map<String, AttributeValue> item) {
		return keyOf(item, 0);
	}

	/**
	 * The key of an item read from DynamoDB, less a prefix that the caller knows it
	 * carries.
	 * @param item the item
	 * @param prefixLength the length of the key's prefix to leave out
	 * @return a new array holding the key without its first {@code prefixLength} bytes
	 */
	public byte[] keyOf(Map<String, AttributeValue> item, int prefixLength) {
		AttributeValue attribute = item.get(this.names.sortKey());
		if (attribute == null || attribute.b() == null) {
			throw new IllegalStateException("item without a binary sort key in table " + this.table);
		}
		byte[] sortKey = attribute.b().asByteArrayUnsafe();
		if (sortKey.length == 0 || sortKey[0] != FORMAT_BYTE) {
			throw new IllegalStateException("sort key with unknown format byte in table " + this.table);
		}
		return Arrays.copyOfRange(sortKey, 1 + prefixLength, sortKey.length);
	}

	/**
	 * The value of an item read from DynamoDB.
	 * @param item the item
	 * @return the value bytes, empty when the item carries none (a keys-only read); not
	 * copied from the item, which the caller must not keep
	 */
	public byte[] valueOf(Map<String, AttributeValue> item) {
		AttributeValue value = item.get(this.names.value());
		return (value != null && value.b() != null) ? value.b().asByteArrayUnsafe() : new byte[0];
	}

	/**
	 * The expiry of an item read from DynamoDB.
	 * @param item the item
	 * @return the epoch second from which it is absent, or {@code null} when it has no
	 * expiry (or one that is not a whole number, which DynamoDB's TTL ignores too)
	 */
	public @Nullable Long expiresAtOf(Map<String, AttributeValue> item) {
		AttributeValue ttl = item.get(this.names.ttl());
		if (ttl == null || ttl.n() == null) {
			return null;
		}
		try {
			return Long.valueOf(ttl.n());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The primary key attributes of a key.
	 * @param key the key
	 * @return a mutable map of the partition and sort key
	 */
	public Map<String, AttributeValue> primaryKey(byte[] key) {
		Map<String, AttributeValue> primaryKey = new HashMap<>(4);
		primaryKey.put(this.names.hashKey(), hashKeyValue());
		primaryKey.put(this.names.sortKey(), sortKeyValue(key));
		return primaryKey;
	}

	/**
	 * The item of a key and its value.
	 * @param key the key
	 * @param value the value; not copied, so not to be modified afterwards
	 * @return a mutable map of the item's attributes
	 */
	public Map<String, AttributeValue> item(byte[] key, byte[] value) {
		return item(key, value, null);
	}

	/**
	 * The item of a key, its value and its expiry.
	 * @param key the key
	 * @param value the value; not copied, so not to be modified afterwards
	 * @param expiresAt the epoch second from which the key is absent, or {@code null}
	 * @return a mutable map of the item's attributes
	 */
	public Map<String, AttributeValue> item(byte[] key, byte[] value, @Nullable Long expiresAt) {
		Map<String, AttributeValue> item = primaryKey(key);
		item.put(this.names.value(), AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(value)));
		if (expiresAt != null) {
			item.put(this.names.ttl(), AttributeValue.fromN(expiresAt.toString()));
		}
		return item;
	}

	/**
	 * The size DynamoDB counts for an item: attribute names plus values.
	 * @param key the key
	 * @param valueBytes the value's length
	 * @return the item size in bytes
	 */
	public long itemSize(byte[] key, long valueBytes) {
		return itemSize(key, valueBytes, false);
	}

	/**
	 * The size DynamoDB counts for an item, with or without an expiry attribute (counted
	 * at the largest a Number can be).
	 * @param key the key
	 * @param valueBytes the value's length
	 * @param expires whether the item carries an expiry
	 * @return the item size in bytes
	 */
	public long itemSize(byte[] key, long valueBytes, boolean expires) {
		long size = primaryKeySize(key) + utf8Length(this.names.value()) + valueBytes;
		return expires ? size + utf8Length(this.names.ttl()) + MAX_NUMBER_BYTES : size;
	}

	/**
	 * The size DynamoDB counts for a primary key: attribute names plus values.
	 * @param key the key
	 * @return the primary key size in bytes
	 */
	public long primaryKeySize(byte[] key) {
		return utf8Length(this.names.hashKey()) + utf8Length(this.hashKey) + utf8Length(this.names.sortKey())
				+ key.length + 1L;
	}

	private static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
