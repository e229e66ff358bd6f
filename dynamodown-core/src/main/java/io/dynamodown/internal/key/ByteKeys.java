package io.dynamodown.internal.key;

import java.util.Arrays;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Byte-string arithmetic in LevelDB's key order: unsigned lexicographic comparison, which
 * is also how DynamoDB orders binary sort keys.
 */
public final class ByteKeys {

	private ByteKeys() {
	}

	/**
	 * Compares two keys as unsigned byte strings.
	 * @param a the first key
	 * @param b the second key
	 * @return negative, zero or positive as {@code a} sorts before, with or after
	 * {@code b}
	 */
	public static int compare(byte[] a, byte[] b) {
		return Arrays.compareUnsigned(a, b);
	}

	/**
	 * Concatenates two byte strings.
	 * @param a the first part
	 * @param b the second part
	 * @return a new array holding {@code a} then {@code b}
	 */
	public static byte[] concat(byte[] a, byte[] b) {
		byte[] joined = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, joined, a.length, b.length);
		return joined;
	}

	/**
	 * The smallest key greater than every key that starts with {@code prefix}.
	 * @param prefix the prefix
	 * @return the upper bound (exclusive) of the prefix's keys, or {@code null} when the
	 * prefix is empty or all {@code 0xff} (no key is greater)
	 */
	public static byte @Nullable [] prefixEnd(byte[] prefix) {
		for (int i = prefix.length - 1; i >= 0; i--) {
			if (prefix[i] != (byte) 0xff) {
				byte[] end = Arrays.copyOf(prefix, i + 1);
				end[i]++;
				return end;
			}
		}
		return null;
	}

	/**
	 * The smallest key greater than {@code key} among keys of at most {@code maxLength}
	 * bytes.
	 * @param key the key, at most {@code maxLength} bytes
	 * @param maxLength the longest key that can exist
	 * @return the successor, or {@code null} when {@code key} is the greatest possible
	 * key
	 */
	public static byte @Nullable [] successor(byte[] key, int maxLength) {
		if (key.length < maxLength) {
			return Arrays.copyOf(key, key.length + 1);
		}
		return prefixEnd(key);
	}

	/**
	 * The greatest key smaller than {@code key} among keys of at most {@code maxLength}
	 * bytes. Because keys are bounded in length this key exists whenever {@code key} is
	 * not empty: a key ending in {@code 0x00} is preceded by itself without that byte,
	 * any other by its last byte decremented and padded with {@code 0xff} to the maximum
	 * length.
	 * @param key the key, at most {@code maxLength} bytes
	 * @param maxLength the longest key that can exist
	 * @return the predecessor, or {@code null} when {@code key} is empty (nothing is
	 * smaller)
	 */
	public static byte @Nullable [] predecessor(byte[] key, int maxLength) {
		if (key.length == 0) {
			return null;
		}
		int last = key.length - 1;
		if (key[last] == 0) {
			return Arrays.copyOf(key, last);
		}
		byte[] before = Arrays.copyOf(key, maxLength);
		before[last]--;
		Arrays.fill(before, last + 1, maxLength, (byte) 0xff);
		return before;
	}

	/**
	 * Hexadecimal form of a key, for messages (never used for values).
	 * @param key the key
	 * @return lower-case hex, shortened to its first 32 bytes for long keys
	 */
	public static String hex(byte[] key) {
		if (key.length <= 32) {
			return HexFormat.of().formatHex(key);
		}
		return HexFormat.of().formatHex(key, 0, 32) + "…(" + key.length + " bytes)";
	}

}
