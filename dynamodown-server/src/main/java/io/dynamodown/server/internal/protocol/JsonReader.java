package io.dynamodown.server.internal.protocol;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A strict recursive-descent parser of one JSON document in UTF-8. It works on the bytes
 * directly: ASCII strings without escapes, the common case of DynamoDB requests, become
 * strings without any decoding step.
 */
final class JsonReader {

	private final byte[] in;

	private int pos;

	private int depth;

	JsonReader(byte[] in) {
		this.in = in;
	}

	@Nullable Object document() throws MalformedJsonException {
		Object value = value();
		skipWhitespace();
		if (this.pos != this.in.length) {
			throw fail("Unexpected content after the document");
		}
		return value;
	}

	private @Nullable Object value() throws MalformedJsonException {
		skipWhitespace();
		if (this.pos == this.in.length) {
			throw fail("Unexpected end of input");
		}
		byte b = this.in[this.pos];
		switch (b) {
			case '{':
				return object();
			case '[':
				return array();
			case '"':
				return string();
			case 't':
				literal("true");
				return Boolean.TRUE;
			case 'f':
				literal("false");
				return Boolean.FALSE;
			case 'n':
				literal("null");
				return null;
			default:
				if (b == '-' || (b >= '0' && b <= '9')) {
					return number();
				}
				throw fail("Unexpected character");
		}
	}

	private Map<String, Object> object() throws MalformedJsonException {
		enter();
		Map<String, Object> object = new LinkedHashMap<>();
		skipWhitespace();
		if (peek() == '}') {
			this.pos++;
			this.depth--;
			return object;
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw fail("Expected a member name");
			}
			String name = string();
			skipWhitespace();
			expect(':');
			object.put(name, value());
			skipWhitespace();
			int next = peek();
			this.pos++;
			if (next == '}') {
				this.depth--;
				return object;
			}
			if (next != ',') {
				throw fail("Expected ',' or '}'");
			}
		}
	}

	private List<Object> array() throws MalformedJsonException {
		enter();
		List<Object> array = new ArrayList<>();
		skipWhitespace();
		if (peek() == ']') {
			this.pos++;
			this.depth--;
			return array;
		}
		while (true) {
			array.add(value());
			skipWhitespace();
			int next = peek();
			this.pos++;
			if (next == ']') {
				this.depth--;
				return array;
			}
			if (next != ',') {
				throw fail("Expected ',' or ']'");
			}
		}
	}

	private void enter() throws MalformedJsonException {
		if (++this.depth > Json.MAX_DEPTH) {
			throw fail("Nesting deeper than " + Json.MAX_DEPTH + " levels");
		}
		this.pos++;
	}

	private String string() throws MalformedJsonException {
		int start = ++this.pos;
		boolean ascii = true;
		while (this.pos < this.in.length) {
			byte b = this.in[this.pos];
			if (b == '"') {
				this.pos++;
				return new String(this.in, start, this.pos - 1 - start,
						ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
			}
			if (b == '\\') {
				return escapedString(start);
			}
			if (b >= 0 && b < 0x20) {
				throw fail("Unescaped control character in a string");
			}
			if (b < 0) {
				ascii = false;
				this.pos += utf8Length();
			}
			else {
				this.pos++;
			}
		}
		throw fail("Unterminated string");
	}

	/**
	 * Continues a string at its first escape; the bytes before it are known to be valid.
	 */
	private String escapedString(int start) throws MalformedJsonException {
		StringBuilder builder = new StringBuilder(this.pos - start + 16);
		int run = start;
		while (this.pos < this.in.length) {
			byte b = this.in[this.pos];
			if (b == '"' || b == '\\') {
				builder.append(new String(this.in, run, this.pos - run, StandardCharsets.UTF_8));
				this.pos++;
				if (b == '"') {
					return builder.toString();
				}
				builder.append(escape());
				run = this.pos;
			}
			else if (b >= 0 && b < 0x20) {
				throw fail("Unescaped control character in a string");
			}
			else {
				this.pos += (b < 0) ? utf8Length() : 1;
			}
		}
		throw fail("Unterminated string");
	}

	private char escape() throws MalformedJsonException {
		if (this.pos == this.in.length) {
			throw fail("Unterminated string");
		}
		byte b = this.in[this.pos++];
		switch (b) {
			case '"':
				return '"';
			case '\\':
				return '\\';
			case '/':
				return '/';
			case 'b':
				return '\b';
			case 'f':
				return '\f';
			case 'n':
				return '\n';
			case 'r':
				return '\r';
			case 't':
				return '\t';
			case 'u':
				return unicodeEscape();
			default:
				this.pos--;
				throw fail("Invalid escape");
		}
	}

	private char unicodeEscape() throws MalformedJsonException {
		if (this.pos + 4 > this.in.length) {
			throw fail("Truncated unicode escape");
		}
		int value = 0;
		for (int i = 0; i < 4; i++) {
			int digit = Character.digit(this.in[this.pos], 16);
			if (digit < 0) {
				throw fail("Invalid unicode escape");
			}
			value = (value << 4) | digit;
			this.pos++;
		}
		return (char) value;
	}

	/**
	 * Checks the UTF-8 sequence at the current position against Unicode's table of
	 * well-formed sequences (no overlong forms, surrogates or code points past U+10FFFF).
	 * @return its length in bytes
	 */
	private int utf8Length() throws MalformedJsonException {
		int lead = this.in[this.pos] & 0xFF;
		if (lead >= 0xC2 && lead <= 0xDF) {
			continuation(1, 0x80, 0xBF);
			return 2;
		}
		if (lead >= 0xE0 && lead <= 0xEF) {
			continuation(1, (lead == 0xE0) ? 0xA0 : 0x80, (lead == 0xED) ? 0x9F : 0xBF);
			continuation(2, 0x80, 0xBF);
			return 3;
		}
		if (lead >= 0xF0 && lead <= 0xF4) {
			continuation(1, (lead == 0xF0) ? 0x90 : 0x80, (lead == 0xF4) ? 0x8F : 0xBF);
			continuation(2, 0x80, 0xBF);
			continuation(3, 0x80, 0xBF);
			return 4;
		}
		throw fail("Invalid UTF-8");
	}

	private void continuation(int offset, int min, int max) throws MalformedJsonException {
		int at = this.pos + offset;
		if (at >= this.in.length) {
			throw fail("Truncated UTF-8");
		}
		int b = this.in[at] & 0xFF;
		if (b < min || b > max) {
			throw fail("Invalid UTF-8");
		}
	}

	private BigDecimal number() throws MalformedJsonException {
		int start = this.pos;
		if (peek() == '-') {
			this.pos++;
		}
		if (peek() == '0') {
			this.pos++;
		}
		else if (digits() == 0) {
			throw fail("Invalid number");
		}
		if (peek() == '.') {
			this.pos++;
			if (digits() == 0) {
				throw fail("Invalid number");
			}
		}
		if (peek() == 'e' || peek() == 'E') {
			this.pos++;
			if (peek() == '+' || peek() == '-') {
				this.pos++;
			}
			if (digits() == 0) {
				throw fail("Invalid number");
			}
		}
		int length = this.pos - start;
		if (length > Json.MAX_NUMBER_LENGTH) {
			throw fail("Number longer than " + Json.MAX_NUMBER_LENGTH + " characters");
		}
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = (char) this.in[start + i];
		}
		try {
			return new BigDecimal(chars);
		}
		catch (NumberFormatException ex) {
			// an exponent beyond the range of an int
			throw fail("Number out of range");
		}
	}

	private int digits() {
		int start = this.pos;
		while (this.pos < this.in.length && this.in[this.pos] >= '0' && this.in[this.pos] <= '9') {
			this.pos++;
		}
		return this.pos - start;
	}

	private void literal(String literal) throws MalformedJsonException {
		for (int i = 0; i < literal.length(); i++) {
			if (peek() != literal.charAt(i)) {
				throw fail("Unexpected character");
			}
			this.pos++;
		}
	}

	private void expect(char expected) throws MalformedJsonException {
		if (peek() != expected) {
			throw fail("Expected '" + expected + "'");
		}
		this.pos++;
	}

	private int peek() {
		return (this.pos < this.in.length) ? this.in[this.pos] : -1;
	}

	private void skipWhitespace() {
		while (this.pos < this.in.length) {
			byte b = this.in[this.pos];
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return;
			}
			this.pos++;
		}
	}

	private MalformedJsonException fail(String message) {
		return new MalformedJsonException(message, this.pos);
	}

}
