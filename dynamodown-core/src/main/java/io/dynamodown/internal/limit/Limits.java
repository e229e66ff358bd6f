package io.dynamodown.internal.limit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.key.ByteKeys;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB's limits as they apply to a LevelDB-style store, checked before any request is
 * sent. Each check throws a {@link StoreFailure} whose message names the limit and the
 * value.
 */
public final class Limits {

	/** The longest key in bytes: DynamoDB's 1024-byte sort key less the format byte. */
	public static final int MAX_KEY_BYTES = 1023;

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

	/**
	 * The longest time to live of a key: 100 years of 365.25 days, as many days as the
	 * longest 100 calendar years have.
	 */
	public static final Duration MAX_TTL = Duration.ofDays(36_525);

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
		int index = unpairedSurrogate(text);
		if (index < 0) {
			return null;
		}
		return what + " is not well-formed UTF-16: unpaired surrogate U+"
				+ Integer.toHexString(text.charAt(index)).toUpperCase(Locale.ROOT) + " at index " + index;
	}

	/**
	 * The index of a string's first unpaired surrogate, which has no UTF-8 form.
	 * @param text the string
	 * @return the index, or -1 when the string is well-formed
	 */
	public static int unpairedSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

}
