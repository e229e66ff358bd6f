package io.dynamodown.server.internal.engine;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * The hash DynamoDB places keys with: the first 24 bits of an MD5 digest of a fixed salt
 * and the bytes of the key values (UTF-8 for strings, the bytes themselves for binaries,
 * DynamoDB's base-100 encoding for numbers). A table's partitions are kept in the order
 * of the hash of their partition key, which is the order {@code Scan} returns them in and
 * what parallel {@code Scan} segments divide; an index's items with the same index key
 * are kept in the order of the hash of their whole table key.
 */
final class KeyHash {

	/** The number of bits of a hash. */
	static final int BITS = 24;

	private static final byte[] SALT = "Outliers".getBytes(StandardCharsets.US_ASCII);

	/** A number's byte for zero, the only number without digits. */
	private static final int ZERO = 0x80;

	/** Offset of the exponent byte of a number (in base 100). */
	private static final int EXPONENT_BIAS = 64;

	/** A negative number's digits are written as {@code 101 - pair}. */
	private static final int NEGATIVE_DIGIT_BASE = 101;

	/** Closes a negative number shorter than this many digit pairs. */
	private static final int NEGATIVE_TERMINATOR = 102;

	private static final int SHORT_NEGATIVE_PAIRS = 20;

	private KeyHash() {
	}

	/**
	 * Returns the hash of a partition key value.
	 * @param hash the partition key value
	 * @return the hash, {@code 0 .. 2^24 - 1}
	 */
	static int of(AttributeValue hash) {
		return of(hash, null);
	}

	/**
	 * Returns the hash of a whole key: the partition key value's bytes, then the sort key
	 * value's.
	 * @param hash the partition key value
	 * @param range the sort key value, or {@code null}
	 * @return the hash, {@code 0 .. 2^24 - 1}
	 */
	static int of(AttributeValue hash, @Nullable AttributeValue range) {
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			md5.update(SALT);
			md5.update(bytes(hash));
			if (range != null) {
				md5.update(bytes(range));
			}
			byte[] digest = md5.digest();
			return ((digest[0] & 0xFF) << 16) | ((digest[1] & 0xFF) << 8) | (digest[2] & 0xFF);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is part of every JDK", ex);
		}
	}

	private static byte[] bytes(AttributeValue value) {
		return switch (value.type()) {
			case S -> value.asString().getBytes(StandardCharsets.UTF_8);
			case N -> numberBytes(value.asNumber());
			case B -> value.asBinary().toByteArray();
			default -> throw new IllegalArgumentException("A key value is a string, number or binary: " + value);
		};
	}

	/**
	 * Encodes a number as DynamoDB hashes it: an exponent byte, then the digits in pairs
	 * (base 100), each pair one byte; negative numbers have their bytes complemented so
	 * that they sort before positive ones.
	 * @param number the number
	 * @return its bytes
	 */
	static byte[] numberBytes(BigDecimal number) {
		if (number.signum() == 0) {
			return new byte[] { (byte) ZERO };
		}
		BigDecimal normalized = number.stripTrailingZeros();
		String digits = normalized.unscaledValue().abs().toString();
		// the number is 0.digits * 10^exponent; pairs need an even exponent
		int exponent = normalized.precision() - normalized.scale();
		if (Math.floorMod(exponent, 2) == 1) {
			digits = "0" + digits;
			exponent++;
		}
		if (digits.length() % 2 == 1) {
			digits = digits + "0";
		}
		boolean negative = normalized.signum() < 0;
		int pairs = digits.length() / 2;
		ByteArrayOutputStream out = new ByteArrayOutputStream(pairs + 2);
		int head = exponent / 2 - EXPONENT_BIAS;
		out.write(negative ? ~head : head);
		for (int i = 0; i < pairs; i++) {
			int pair = Integer.parseInt(digits, 2 * i, 2 * i + 2, 10);
			out.write(negative ? NEGATIVE_DIGIT_BASE - pair : pair + 1);
		}
		if (negative && pairs < SHORT_NEGATIVE_PAIRS) {
			out.write(NEGATIVE_TERMINATOR);
		}
		return out.toByteArray();
	}

}
