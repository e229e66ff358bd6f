package io.dynamodown.server.internal.stream;

import java.math.BigInteger;

import org.jspecify.annotations.Nullable;

/**
 * Sequence numbers as DynamoDB Streams writes them: decimal strings of 21 digits (the
 * shortest the API allows), so that they compare the same as numbers and as strings.
 */
final class SequenceNumbers {

	private static final int DIGITS = 21;

	private SequenceNumbers() {
	}

	/**
	 * Writes a sequence number.
	 * @param number the number, zero or more
	 * @return its 21 digits
	 */
	static String format(long number) {
		String digits = Long.toString(number);
		return "0".repeat(DIGITS - digits.length()) + digits;
	}

	/**
	 * Reads a sequence number.
	 * @param text the digits, as a request carries them
	 * @return the number, or {@code null} if the text is not a number this server could
	 * have written
	 */
	static @Nullable Long parse(String text) {
		if (text.isEmpty()) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return null;
			}
		}
		BigInteger number = new BigInteger(text);
		return (number.bitLength() < Long.SIZE) ? number.longValue() : null;
	}

}
