package io.dynamodown.internal.limit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.key.ByteKeys;
import io.dynamodown.table.AttributeNames;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB's limits as they apply to a LevelDB-style store, checked before any request is
 * sent. Each check throws a {@link StoreFailure} whose message names the limit and the
 * value.
 */
public final class Limits {

	/** The longest key in bytes: DynamoDB's 1024-byte sort key less the format byte. */
	public static final int MAX_KEY_BYTES = 1023;

	/** The longest hash key in bytes (UTF-8). */
	public static final int MAX_HASH_KEY_BYTES = 2048;

	/**
	 * The most shards a database may have: a full scan or a limited read queries every
	 * shard, so more would make every range read cost more requests than a database needs
	 * to pass DynamoDB's per-partition throughput (256 partition keys take about 256,000
	 * write units a second).
	 */
	public static final int MAX_SHARDS = 256;

	/**
	 * What the partition keys of shards 1 and above put between the hash key and the
	 * shard number; reserved, so no hash key may contain it.
	 */
	public static final char SHARD_SEPARATOR = '\u0000';

	/** DynamoDB's item size limit: 400 KB. */
	public static final int MAX_ITEM_BYTES = 400 * 1024;

	/**
	 * The largest value when none is configured: 16 MiB, before and after compression.
	 */
	public static final long DEFAULT_MAX_VALUE_BYTES = 16L * 1024 * 1024;

	/** The most distinct keys in one atomic batch ({@code TransactWriteItems}). */
	public static final int MAX_BATCH_KEYS = 100;

	/** The most bytes in one atomic batch ({@code TransactWriteItems}): 4 MB. */
	public static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;

	/** The most keys in one {@code BatchGetItem} request. */
	public static final int MAX_BATCH_GET_KEYS = 100;

	/** The most items in one {@code BatchWriteItem} request. */
	public static final int MAX_BATCH_WRITE_ITEMS = 25;

	/** The shortest table name. */
	public static final int MIN_TABLE_NAME = 3;

	/** The longest table name. */
	public static final int MAX_TABLE_NAME = 255;

	/** The longest name of a key attribute, in bytes of UTF-8. */
	public static final int MAX_KEY_ATTRIBUTE_NAME_BYTES = 255;

	/** The longest name of any other attribute, in bytes of UTF-8: 64 KB. */
	public static final int MAX_ATTRIBUTE_NAME_BYTES = 64 * 1024;

	/**
	 * The longest time to live of a key: 100 years of 365.25 days, as many days as the
	 * longest 100 calendar years have.
	 */
	public static final Duration MAX_TTL = Duration.ofDays(36_525);

	private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

	private Limits() {
	}

	/**
	 * Checks a key's length: at most {@value #MAX_KEY_BYTES} bytes (the caller has
	 * refused a {@code null} key).
	 * @param key the full key (sublevel prefix included)
	 * @return the key
	 * @throws StoreFailure {@link Kind#INVALID_KEY} when the key is too long
	 */
	public static byte[] checkKey(byte[] key) {
		if (key.length > MAX_KEY_BYTES) {
			throw new StoreFailure(Kind.INVALID_KEY, "key length limit is " + MAX_KEY_BYTES
					+ " bytes (sublevel prefix included), key has " + key.length + " bytes: " + ByteKeys.hex(key));
		}
		return key;
	}

	/**
	 * Checks a time to live: positive and at most {@link #MAX_TTL}.
	 * @param ttl the time to live
	 * @return the time to live
	 * @throws StoreFailure {@link Kind#INVALID_ARGUMENT} when it is {@code null}, not
	 * positive or too long
	 */
	public static Duration checkTtl(@Nullable Duration ttl) {
		if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
			throw new StoreFailure(Kind.INVALID_ARGUMENT,
					"ttl must be positive and at most 100 years (" + MAX_TTL.toDays() + " days), was " + ttl);
		}
		return ttl;
	}

	/**
	 * Checks a value: not {@code null}.
	 * @param value the value
	 * @return the value
	 * @throws StoreFailure {@link Kind#INVALID_VALUE} when the value is null
	 */
	public static byte[] checkValue(byte @Nullable [] value) {
		if (value == null) {
			throw new StoreFailure(Kind.INVALID_VALUE, "value must not be null");
		}
		return value;
	}

	/**
	 * Checks a value's size, before and after compression, against the store's largest
	 * value (which also bounds what a read decompresses).
	 * @param key the key, for the message
	 * @param storedBytes the value's stored length
	 * @param rawBytes the value's length before compression
	 * @param maxValueBytes the store's largest value
	 * ({@code LevelDbBuilder.maxValueSize})
	 * @throws StoreFailure {@link Kind#INVALID_VALUE} when the value is larger
	 */
	public static void checkValueSize(byte[] key, long storedBytes, long rawBytes, long maxValueBytes) {
		if (storedBytes > maxValueBytes || rawBytes > maxValueBytes) {
			throw new StoreFailure(Kind.INVALID_VALUE,
					"value size limit is " + maxValueBytes
							+ " bytes, before and after compression (LevelDbBuilder.maxValueSize), value for key "
							+ ByteKeys.hex(key) + " has " + rawBytes + " bytes"
							+ ((storedBytes != rawBytes) ? " (" + storedBytes + " bytes stored)" : ""));
		}
	}

	/**
	 * Checks an atomic batch against the limits of one {@code TransactWriteItems}
	 * request.
	 * @param distinctKeys the batch's distinct keys
	 * @param bytes the batch's size in bytes
	 * @throws StoreFailure {@link Kind#BATCH_TOO_LARGE} when either limit is passed
	 */
	public static void checkBatch(int distinctKeys, long bytes) {
		if (distinctKeys > MAX_BATCH_KEYS) {
			throw new StoreFailure(Kind.BATCH_TOO_LARGE, "atomic batch limit is " + MAX_BATCH_KEYS
					+ " distinct keys, batch has " + distinctKeys + "; use a bulk write for larger non-atomic writes");
		}
		if (bytes > MAX_BATCH_BYTES) {
			throw new StoreFailure(Kind.BATCH_TOO_LARGE,
					"atomic batch size limit is " + MAX_BATCH_BYTES + " bytes, batch has " + bytes + " bytes");
		}
	}

	/**
	 * Checks a hash key: 1 to {@value #MAX_HASH_KEY_BYTES} bytes of UTF-8, without U+0000
	 * (the reserved separator of shards' partition keys, so that no hash key can equal
	 * the partition key of another database's shard).
	 * @param hashKey the hash key
	 * @return the hash key
	 * @throws StoreFailure {@link Kind#INVALID_ARGUMENT} when it is null, empty, too
	 * long, holds U+0000 or is not well-formed (an unpaired surrogate)
	 */
	public static String checkHashKey(@Nullable String hashKey) {
		return checkHashKey(hashKey, 1);
	}

	/**
	 * Checks the hash key of a database of several shards: as
	 * {@link #checkHashKey(String)}, and short enough that the partition key of its last
	 * shard (the hash key, U+0000 and the shard number) is within
	 * {@value #MAX_HASH_KEY_BYTES} bytes.
	 * @param hashKey the hash key
	 * @param shards the shard count, already checked
	 * @return the hash key
	 * @throws StoreFailure {@link Kind#INVALID_ARGUMENT} naming the limit, the shard
	 * count and the value
	 */
	public static String checkHashKey(@Nullable String hashKey, int shards) {
		int suffix = (shards <= 1) ? 0 : 1 + Integer.toString(shards - 1).length();
		int limit = MAX_HASH_KEY_BYTES - suffix;
		String rule = (suffix == 0) ? "" : " with " + shards + " shards";
		if (hashKey == null || hashKey.isEmpty()) {
			throw new StoreFailure(Kind.INVALID_ARGUMENT, "hash key must be 1 to " + limit + " bytes of UTF-8" + rule
					+ ", was " + ((hashKey == null) ? "null" : "empty"));
		}
		int separator = hashKey.indexOf(SHARD_SEPARATOR);
		if (separator >= 0) {
			throw new StoreFailure(Kind.INVALID_ARGUMENT, "hash key must not contain U+0000, which is reserved for the"
					+ " partition keys of shards; found at index " + separator);
		}
		int bytes = utf8(hashKey, Kind.INVALID_ARGUMENT, "hash key").length;
		if (bytes > limit) {
			throw new StoreFailure(Kind.INVALID_ARGUMENT, "hash key limit is " + limit + " bytes of UTF-8" + rule
					+ ((suffix == 0) ? ""
							: " (" + MAX_HASH_KEY_BYTES + " less " + suffix + " for the shard's U+0000 and number)")
					+ ", hash key has " + bytes + " bytes");
		}
		return hashKey;
	}

	/**
	 * Checks a shard count: 1 to {@value #MAX_SHARDS}.
	 * @param shards the shard count
	 * @return the shard count
	 * @throws StoreFailure {@link Kind#INVALID_ARGUMENT} naming the rule and the value
	 */
	public static int checkShards(int shards) {
		if (shards < 1 || shards > MAX_SHARDS) {
			throw new StoreFailure(Kind.INVALID_ARGUMENT, "shards must be 1 to " + MAX_SHARDS + ", was " + shards);
		}
		return shards;
	}

	/**
	 * The UTF-8 bytes of a string that must be well-formed: an unpaired surrogate, which
	 * Java's encoder would silently turn into {@code ?} (so that two different strings
	 * would alias each other), is refused.
	 * @param text the string
	 * @param kind the kind of a refusal
	 * @param what what the string is, for the message
	 * @return the UTF-8 bytes
	 * @throws StoreFailure of {@code kind} when the string holds an unpaired surrogate
	 */
	public static byte[] utf8(String text, Kind kind, String what) {
		String malformed = malformation(text, what);
		if (malformed != null) {
			throw new StoreFailure(kind, malformed);
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Why a string has no UTF-8 form, if it has none: its first unpaired surrogate.
	 * @param text the string
	 * @param what what the string is, for the message
	 * @return a message naming the surrogate and its index, or {@code null} when the
	 * string is well-formed
	 */
	public static @Nullable String malformation(String text, String what) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return what + " is not well-formed UTF-16: unpaired surrogate U+"
						+ Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at index " + i;
			}
		}
		return null;
	}

	/**
	 * Checks an attribute name against DynamoDB's naming rules: well-formed, 1 to
	 * {@code maxBytes} bytes of UTF-8.
	 * @param name the name
	 * @param what which attribute, for the message
	 * @param maxBytes {@value #MAX_KEY_ATTRIBUTE_NAME_BYTES} for a key attribute,
	 * {@value #MAX_ATTRIBUTE_NAME_BYTES} for another
	 * @return the name
	 * @throws StoreFailure {@link Kind#INVALID_ARGUMENT} when the name is null, empty,
	 * too long or not well-formed
	 */
	private static String checkAttributeName(@Nullable String name, String what, int maxBytes) {
		if (name == null || name.isEmpty()) {
			throw new StoreFailure(Kind.INVALID_ARGUMENT, what + " attribute name must be 1 to " + maxBytes
					+ " bytes of UTF-8, was " + ((name == null) ? "null" : "empty"));
		}
		int bytes = utf8(name, Kind.INVALID_ARGUMENT, what + " attribute name").length;
		if (bytes > maxBytes) {
			throw new StoreFailure(Kind.INVALID_ARGUMENT,
					what + " attribute name limit is " + maxBytes + " bytes of UTF-8, name has " + bytes + " bytes");
		}
		return name;
	}

	/**
	 * Checks a store's attribute names against DynamoDB's naming rules: each well-formed,
	 * 1 to {@value #MAX_KEY_ATTRIBUTE_NAME_BYTES} bytes of UTF-8 for the key attributes
	 * and 1 to {@value #MAX_ATTRIBUTE_NAME_BYTES} for the value, expiry and form
	 * attributes, all different.
	 * @param names the names
	 * @return the names
	 * @throws StoreFailure {@link Kind#INVALID_ARGUMENT} naming the attribute and its
	 * name
	 */
	public static AttributeNames checkAttributeNames(AttributeNames names) {
		String hashKey = checkAttributeName(names.hashKey(), "hash key", MAX_KEY_ATTRIBUTE_NAME_BYTES);
		String sortKey = checkAttributeName(names.sortKey(), "sort key", MAX_KEY_ATTRIBUTE_NAME_BYTES);
		String value = checkAttributeName(names.value(), "value", MAX_ATTRIBUTE_NAME_BYTES);
		String ttl = checkAttributeName(names.ttl(), "ttl", MAX_ATTRIBUTE_NAME_BYTES);
		String form = checkAttributeName(names.form(), "form", MAX_ATTRIBUTE_NAME_BYTES);
		if (new HashSet<>(List.of(hashKey, sortKey, value, ttl, form)).size() < 5) {
			throw new StoreFailure(Kind.INVALID_ARGUMENT, "attribute names must differ, were " + hashKey + ", "
					+ sortKey + ", " + value + ", " + ttl + ", " + form);
		}
		return names;
	}

	/**
	 * Checks a table name: {@value #MIN_TABLE_NAME} to {@value #MAX_TABLE_NAME}
	 * characters of {@code [a-zA-Z0-9_.-]}.
	 * @param table the table name
	 * @return the table name
	 * @throws StoreFailure {@link Kind#INVALID_ARGUMENT} when the name is not valid
	 */
	public static String checkTableName(@Nullable String table) {
		if (table == null || table.length() < MIN_TABLE_NAME || table.length() > MAX_TABLE_NAME
				|| !TABLE_NAME.matcher(table).matches()) {
			throw new StoreFailure(Kind.INVALID_ARGUMENT,
					"table name must be " + MIN_TABLE_NAME + " to " + MAX_TABLE_NAME
							+ " characters of [a-zA-Z0-9_.-], was " + ((table == null) ? "null" : "'" + table + "'"));
		}
		return table;
	}

}
