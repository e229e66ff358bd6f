package io.dynamodown.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Short ways to write bytes in tests.
 */
public final class Bytes {

	private Bytes() {
	}

	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] of(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	public static byte[] filled(int length, int value) {
		byte[] bytes = new byte[length];
		Arrays.fill(bytes, (byte) value);
		return bytes;
	}

}
