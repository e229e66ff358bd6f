package io.dynamodown.server.internal.protocol;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as compact UTF-8
 * JSON into a growing byte array.
 */
final class JsonWriter {

	/**
	 * Past this exponent a {@code BigDecimal} is written in scientific notation: a plain
	 * form would take as many bytes as the exponent is large.
	 */
	private static final int MAX_PLAIN_EXPONENT = 1000;

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private byte[] out = new byte[256];

	private int length;

	JsonWriter value(@Nullable Object value) {
		if (value == null) {
			ascii("null");
		}
		else if (value instanceof String string) {
			string(string);
		}
		else if (value instanceof Map<?, ?> map) {
			object(map);
		}
		else if (value instanceof List<?> list) {
			array(list);
		}
		else if (value instanceof Boolean bool) {
			ascii(bool ? "true" : "false");
		}
		else if (value instanceof BigDecimal decimal) {
			ascii(plainOrScientific(decimal));
		}
		else if (value instanceof Integer || value instanceof Long) {
			ascii(value.toString());
		}
		else if (value instanceof Double number) {
			if (!Double.isFinite(number)) {
				throw new IllegalArgumentException("JSON has no number " + number);
			}
			ascii(number.toString());
		}
		else {
			throw new IllegalArgumentException("No JSON form for " + value.getClass().getName());
		}
		return this;
	}

	byte[] toByteArray() {
		return Arrays.copyOf(this.out, this.length);
	}

	private void object(Map<?, ?> map) {
		put('{');
		boolean first = true;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!(entry.getKey() instanceof String name)) {
				throw new IllegalArgumentException("JSON member names are strings, not " + entry.getKey());
			}
			if (!first) {
				put(',');
			}
			first = false;
			string(name);
			put(':');
			value(entry.getValue());
		}
		put('}');
	}

	private void array(List<?> list) {
		put('[');
		for (int i = 0; i < list.size(); i++) {
			if (i > 0) {
				put(',');
			}
			value(list.get(i));
		}
		put(']');
	}

	private static String plainOrScientific(BigDecimal decimal) {
		long exponent = (long) decimal.precision() - decimal.scale();
		return (Math.abs(exponent) > MAX_PLAIN_EXPONENT || Math.abs((long) decimal.scale()) > MAX_PLAIN_EXPONENT)
				? decimal.toString() : decimal.toPlainString();
	}

	private void string(String string) {
		put('"');
		for (int i = 0; i < string.length(); i++) {
			// the longest form of one character: a six-byte escape
			ensure(6);
			char c = string.charAt(i);
			if (c < 0x80) {
				asciiChar(c);
			}
			else if (c < 0x800) {
				this.out[this.length++] = (byte) (0xC0 | (c >> 6));
				this.out[this.length++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < string.length()
					&& Character.isLowSurrogate(string.charAt(i + 1))) {
				int codePoint = Character.toCodePoint(c, string.charAt(++i));
				this.out[this.length++] = (byte) (0xF0 | (codePoint >> 18));
				this.out[this.length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
				this.out[this.length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
				this.out[this.length++] = (byte) (0x80 | (codePoint & 0x3F));
			}
			else if (Character.isSurrogate(c)) {
				// UTF-8 cannot carry a lone surrogate; the escape keeps it as it was
				// parsed
				unicodeEscape(c);
			}
			else {
				this.out[this.length++] = (byte) (0xE0 | (c >> 12));
				this.out[this.length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				this.out[this.length++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		put('"');
	}

	private void asciiChar(char c) {
		if (c >= 0x20 && c != '"' && c != '\\') {
			this.out[this.length++] = (byte) c;
			return;
		}
		switch (c) {
			case '"' -> escaped('"');
			case '\\' -> escaped('\\');
			case '\b' -> escaped('b');
			case '\f' -> escaped('f');
			case '\n' -> escaped('n');
			case '\r' -> escaped('r');
			case '\t' -> escaped('t');
			default -> unicodeEscape(c);
		}
	}

	private void escaped(char c) {
		this.out[this.length++] = '\\';
		this.out[this.length++] = (byte) c;
	}

	private void unicodeEscape(char c) {
		this.out[this.length++] = '\\';
		this.out[this.length++] = 'u';
		this.out[this.length++] = HEX[(c >> 12) & 0xF];
		this.out[this.length++] = HEX[(c >> 8) & 0xF];
		this.out[this.length++] = HEX[(c >> 4) & 0xF];
		this.out[this.length++] = HEX[c & 0xF];
	}

	private void ascii(String text) {
		ensure(text.length());
		for (int i = 0; i < text.length(); i++) {
			this.out[this.length++] = (byte) text.charAt(i);
		}
	}

	private void put(char c) {
		ensure(1);
		this.out[this.length++] = (byte) c;
	}

	private void ensure(int more) {
		if (this.length + more > this.out.length) {
			this.out = Arrays.copyOf(this.out, Math.max(this.out.length * 2, this.length + more));
		}
	}

}
