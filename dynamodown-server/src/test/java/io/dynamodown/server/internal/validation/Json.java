package io.dynamodown.server.internal.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for tests that builds the tree a request body arrives as: maps,
 * lists, strings, {@code BigDecimal} numbers, booleans and {@code null}. Single quotes
 * may stand for double quotes ({@link #request}), so that requests written in Java stay
 * readable.
 */
final class Json {

	private final String text;

	private int position;

	private Json(String text) {
		this.text = text;
	}

	static Object parse(String text) {
		Json json = new Json(text);
		Object value = json.value();
		json.skipSpace();
		if (json.position != text.length()) {
			throw new IllegalArgumentException("Trailing text at " + json.position);
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(String text) {
		return (Map<String, Object>) parse(text);
	}

	/**
	 * Parses a request body written with single quotes for double quotes.
	 * @param text the body, such as <code>{'TableName':'abc'}</code>
	 * @return the parsed body
	 */
	static Map<String, Object> request(String text) {
		return object(text.replace('\'', '"'));
	}

	private Object value() {
		skipSpace();
		char c = this.text.charAt(this.position);
		switch (c) {
			case '{':
				return object();
			case '[':
				return array();
			case '"':
				return string();
			case 't':
				return literal("true", Boolean.TRUE);
			case 'f':
				return literal("false", Boolean.FALSE);
			case 'n':
				return literal("null", null);
			default:
				return number();
		}
	}

	private Map<String, Object> object() {
		Map<String, Object> map = new LinkedHashMap<>();
		this.position++;
		skipSpace();
		if (this.text.charAt(this.position) == '}') {
			this.position++;
			return map;
		}
		while (true) {
			skipSpace();
			String key = string();
			skipSpace();
			expect(':');
			map.put(key, value());
			skipSpace();
			if (this.text.charAt(this.position++) == '}') {
				return map;
			}
		}
	}

	private List<Object> array() {
		List<Object> list = new ArrayList<>();
		this.position++;
		skipSpace();
		if (this.text.charAt(this.position) == ']') {
			this.position++;
			return list;
		}
		while (true) {
			list.add(value());
			skipSpace();
			if (this.text.charAt(this.position++) == ']') {
				return list;
			}
		}
	}

	private String string() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = this.text.charAt(this.position++);
			if (c == '"') {
				return out.toString();
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char escaped = this.text.charAt(this.position++);
			switch (escaped) {
				case 'n' -> out.append('\n');
				case 't' -> out.append('\t');
				case 'r' -> out.append('\r');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'u' -> {
					out.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
					this.position += 4;
				}
				default -> out.append(escaped);
			}
		}
	}

	private Object number() {
		int start = this.position;
		while (this.position < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.position)) >= 0) {
			this.position++;
		}
		return new BigDecimal(this.text.substring(start, this.position));
	}

	private Object literal(String word, Object value) {
		if (!this.text.startsWith(word, this.position)) {
			throw new IllegalArgumentException("Expected " + word + " at " + this.position);
		}
		this.position += word.length();
		return value;
	}

	private void expect(char c) {
		if (this.text.charAt(this.position++) != c) {
			throw new IllegalArgumentException("Expected " + c + " at " + (this.position - 1));
		}
	}

	private void skipSpace() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

}
