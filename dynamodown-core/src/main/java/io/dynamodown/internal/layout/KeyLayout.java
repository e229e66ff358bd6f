package io.dynamodown.internal.layout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.limit.Limits;
import io.dynamodown.internal.value.Manifest;
import io.dynamodown.internal.value.StoredForms;
import io.dynamodown.internal.value.StoredValue;
import io.dynamodown.table.AttributeNames;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one place that maps a store's keys and values to DynamoDB items: partition key =
 * the partition key of the key's shard (the hash key itself in a database of one shard),
 * sort key = one format byte {@code 0x00} followed by the key's bytes, value = the
 * value's stored bytes, form (when the value is compressed or chunked) = how to read it
 * (see {@link StoredForms}), expiry (when the key has one) = a Number of epoch seconds,
 * DynamoDB's TTL format. Chunk items of large values are mapped by {@link ChunkLayout}.
 * The format byte lets the empty key exist (DynamoDB refuses empty key attributes) and
 * keeps DynamoDB's unsigned byte order of sort keys equal to LevelDB's order of keys.
 * <p>
 * A database of n shards spreads its keys over n partition keys: shard 0 is the hash key
 * itself, shard i (1 to n - 1) the hash key followed by U+0000 and i in decimal ASCII
 * digits. No valid hash key contains U+0000 ({@link Limits#SHARD_SEPARATOR}), so no other
 * database's hash key, nor any shard of another database, can equal a shard's partition
 * key. The shard of a key is {@link ShardHash#shardOf}. The database's own records
 * ({@link Records}) are on the hash key itself.
 *
 * @param table the table name
 * @param hashKey the hash key of this database
 * @param names the attribute names
 * @param shards the shard count, 1 to {@value Limits#MAX_SHARDS}
 */
public record KeyLayout(String table, String hashKey, AttributeNames names, int shards) {

	/**
	 * What separates the hash key from the shard number in the partition key of shards 1
	 * and above; no valid hash key contains it.
	 */
	public static final char SHARD_SEPARATOR = Limits.SHARD_SEPARATOR;

	/** The first byte of every sort key written by this format. */
	public static final byte FORMAT_BYTE = 0x00;

	/** The longest sort key DynamoDB accepts, in bytes. */
	public static final int MAX_SORT_KEY_BYTES = Limits.MAX_KEY_BYTES + 1;

	/**
	 * The most bytes DynamoDB counts for a Number value: 38 significant digits, one byte
	 * per two, plus one.
	 */
	private static final int MAX_NUMBER_BYTES = 21;

	private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

	private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

	/**
	 * Creates the layout of a database of one shard.
	 * @param table the table name
	 * @param hashKey the hash key
	 * @param names the attribute names
	 */
	public KeyLayout(String table, String hashKey, AttributeNames names) {
		this(table, hashKey, names, 1);
	}

	/**
	 * The partition key of a shard of a database.
	 * @param hashKey the database's hash key
	 * @param shard the shard
	 * @return the hash key for shard 0, else the hash key, U+0000 and the shard number
	 */
	public static String partitionKey(String hashKey, int shard) {
		return (shard == 0) ? hashKey : hashKey + SHARD_SEPARATOR + shard;
	}

	/**
	 * The shard a key belongs to.
	 * @param key the full key
	 * @return its shard; 0 in a database of one shard
	 */
	public int shardOf(byte[] key) {
		return (this.shards == 1) ? 0 : ShardHash.shardOf(key, this.shards);
	}

	/**
	 * Whether a partition-key value is the partition key of one of this database's
	 * shards: the hash key, or the hash key, U+0000 and a shard number from 1 to
	 * {@code shards - 1} in decimal without leading zeros.
	 * @param partitionKey the value
	 * @return {@code true} for one of this database's
	 */
	public boolean isPartitionKey(String partitionKey) {
		if (partitionKey.equals(this.hashKey)) {
			return true;
		}
		int suffix = this.hashKey.length() + 1;
		if (this.shards == 1 || partitionKey.length() <= suffix || !partitionKey.startsWith(this.hashKey)
				|| partitionKey.charAt(this.hashKey.length()) != SHARD_SEPARATOR) {
			return false;
		}
		String number = partitionKey.substring(suffix);
		if (number.length() > 3 || number.charAt(0) == '0' || !number.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return false;
		}
		return Integer.parseInt(number) < this.shards;
	}

	/**
	 * The partition key value of a shard.
	 * @param shard the shard
	 * @return the shard's partition key as a string attribute
	 */
	public AttributeValue partitionKeyValue(int shard) {
		return AttributeValue.fromS(partitionKey(this.hashKey, shard));
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
	 * The value of an item read from DynamoDB as it is stored, every attribute checked.
	 * @param item the item, with its value attribute (not a keys-only read)
	 * @param maxValueBytes the largest stored value the store reads
	 * @return the inline stored value or the manifest of a chunked one; not copied from
	 * the item, which the caller must not keep
	 * @throws StoreFailure {@link StoreFailure.Kind#CORRUPT_ITEM}, naming the key and the
	 * attribute, for an attribute of another type than binary, a missing value, or a form
	 * this version cannot read
	 */
	public StoredForms.Stored storedOf(Map<String, AttributeValue> item, long maxValueBytes) {
		byte[] key = keyOf(item);
		return StoredForms.read(key, this.names, binaryOf(key, item, this.names.value()),
				binaryOf(key, item, this.names.form()), maxValueBytes);
	}

	/**
	 * The form attribute of an item read from DynamoDB.
	 * @param item the item
	 * @return its bytes, or {@code null} when the item has none (its value is stored as
	 * it is)
	 * @throws StoreFailure {@link StoreFailure.Kind#CORRUPT_ITEM} when it is not binary
	 */
	public byte @Nullable [] formOf(Map<String, AttributeValue> item) {
		return binaryOf(sortKeyTail(item), item, this.names.form());
	}

	/**
	 * The sort key of an item less its format byte: the key of a key's item, the chunk id
	 * of a chunk item; to name an item in a message.
	 */
	private byte[] sortKeyTail(Map<String, AttributeValue> item) {
		AttributeValue attribute = item.get(this.names.sortKey());
		byte[] sortKey = (attribute != null && attribute.b() != null) ? attribute.b().asByteArrayUnsafe() : new byte[0];
		return (sortKey.length > 0) ? Arrays.copyOfRange(sortKey, 1, sortKey.length) : sortKey;
	}

	/**
	 * A binary attribute of an item.
	 * @param key the item's key, for the message
	 * @param item the item
	 * @param name the attribute's name
	 * @return its bytes, not copied, or {@code null} when the item has none
	 * @throws StoreFailure {@link StoreFailure.Kind#CORRUPT_ITEM} when it has another
	 * type
	 */
	public static byte @Nullable [] binaryOf(byte[] key, Map<String, AttributeValue> item, String name) {
		AttributeValue attribute = item.get(name);
		if (attribute == null) {
			return null;
		}
		if (attribute.b() == null) {
			throw StoreFailure.corrupt(key, name, "is of type " + attribute.type() + ", not B (binary)");
		}
		return attribute.b().asByteArrayUnsafe();
	}

	/**
	 * The expiry of an item read from DynamoDB. An expiry attribute that is not a Number
	 * is no expiry (DynamoDB's TTL ignores it, and every read and condition of the store
	 * treats it so); a Number with a fraction expires at the first whole second after it
	 * (the second from which it is no longer greater than now, as queries and conditions
	 * compare it).
	 * @param item the item
	 * @return the epoch second from which it is absent, or {@code null} when it has no
	 * expiry
	 */
	public @Nullable Long expiresAtOf(Map<String, AttributeValue> item) {
		AttributeValue ttl = item.get(this.names.ttl());
		if (ttl == null || ttl.n() == null) {
			return null;
		}
		try {
			BigDecimal seconds = new BigDecimal(ttl.n()).setScale(0, RoundingMode.CEILING);
			return seconds.max(LONG_MIN).min(LONG_MAX).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
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
		primaryKey.put(this.names.hashKey(), partitionKeyValue(shardOf(key)));
		primaryKey.put(this.names.sortKey(), sortKeyValue(key));
		return primaryKey;
	}

	/**
	 * The item of a key holding its value inline, with its expiry.
	 * @param key the key
	 * @param value the stored value; not copied, so not to be modified afterwards
	 * @param expiresAt the epoch second from which the key is absent, or {@code null}
	 * @return a mutable map of the item's attributes
	 */
	public Map<String, AttributeValue> item(byte[] key, StoredValue value, @Nullable Long expiresAt) {
		Map<String, AttributeValue> item = primaryKey(key);
		item.put(this.names.value(), binary(value.bytes()));
		byte[] form = StoredForms.inline(value.codec());
		if (form != null) {
			item.put(this.names.form(), binary(form));
		}
		return withExpiry(item, expiresAt);
	}

	/**
	 * The item of a key whose value is held by chunk items, with its expiry.
	 * @param key the key
	 * @param manifest the manifest naming the chunks
	 * @param expiresAt the epoch second from which the key is absent, or {@code null}
	 * @return a mutable map of the item's attributes
	 */
	public Map<String, AttributeValue> manifestItem(byte[] key, Manifest manifest, @Nullable Long expiresAt) {
		Map<String, AttributeValue> item = primaryKey(key);
		item.put(this.names.form(), binary(manifest.encode()));
		return withExpiry(item, expiresAt);
	}

	Map<String, AttributeValue> withExpiry(Map<String, AttributeValue> item, @Nullable Long expiresAt) {
		if (expiresAt != null) {
			item.put(this.names.ttl(), AttributeValue.fromN(expiresAt.toString()));
		}
		return item;
	}

	static AttributeValue binary(byte[] bytes) {
		return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(bytes));
	}

	/**
	 * The size DynamoDB counts for the item of a key holding its value inline: attribute
	 * names plus values, the expiry counted at the largest a Number can be.
	 * @param key the key
	 * @param value the stored value
	 * @param expires whether the item carries an expiry
	 * @return the item size in bytes
	 */
	public long itemSize(byte[] key, StoredValue value, boolean expires) {
		long size = primaryKeySize(key) + utf8Length(this.names.value()) + value.bytes().length;
		if (value.compressed()) {
			size += utf8Length(this.names.form()) + 1;
		}
		return expires ? size + expirySize() : size;
	}

	/**
	 * Whether a value fits in its key's item, within DynamoDB's item size limit; a value
	 * that does not is stored in chunk items ({@link ChunkLayout}).
	 * @param key the key
	 * @param value the stored value
	 * @param expires whether the item carries an expiry
	 * @return {@code true} when the item of the key holding the value inline is at most
	 * {@value Limits#MAX_ITEM_BYTES} bytes
	 */
	public boolean fitsInline(byte[] key, StoredValue value, boolean expires) {
		return itemSize(key, value, expires) <= Limits.MAX_ITEM_BYTES;
	}

	/**
	 * The size DynamoDB counts for the item of a key whose value is chunked.
	 * @param key the key
	 * @param expires whether the item carries an expiry
	 * @return the item size in bytes
	 */
	public long manifestItemSize(byte[] key, boolean expires) {
		long size = primaryKeySize(key) + utf8Length(this.names.form()) + Manifest.ENCODED_BYTES;
		return expires ? size + expirySize() : size;
	}

	long expirySize() {
		return utf8Length(this.names.ttl()) + MAX_NUMBER_BYTES;
	}

	/**
	 * The size DynamoDB counts for a primary key: attribute names plus values.
	 * @param key the key
	 * @return the primary key size in bytes
	 */
	public long primaryKeySize(byte[] key) {
		return primaryKeySizeOfSortKey(shardOf(key), key.length + 1);
	}

	long primaryKeySizeOfSortKey(int shard, int sortKeyBytes) {
		int suffix = (shard == 0) ? 0 : 1 + Integer.toString(shard).length();
		return utf8Length(this.names.hashKey()) + utf8Length(this.hashKey) + suffix + utf8Length(this.names.sortKey())
				+ (long) sortKeyBytes;
	}

	static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
