package io.dynamodown.server.internal.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The JSON of DynamoDB's requests and answers, as the tree the server works on: objects
 * are {@code LinkedHashMap<String, Object>} (the last of duplicate names wins), arrays
 * {@code ArrayList<Object>}, strings {@code String}, numbers {@code BigDecimal}, booleans
 * {@code Boolean} and JSON's {@code null} Java's {@code null}.
 */
public final class Json {

	/**
	 * The deepest nesting of objects and arrays a document may have, as the JSON parsers
	 * of Java services allow by default; far beyond the 32 levels DynamoDB allows in an
	 * attribute value, so that the engine, not the parser, reports too deep values.
	 */
	public static final int MAX_DEPTH = 1000;

	/**
	 * The longest number literal, in characters: longer ones take quadratic time to
	 * convert and no DynamoDB request has them.
	 */
	public static final int MAX_NUMBER_LENGTH = 1000;

	private Json() {
	}

	/**
	 * Parses one JSON document of UTF-8 bytes, strictly: RFC 8259's grammar, well-formed
	 * UTF-8, nothing but whitespace after the value, at most {@link #MAX_DEPTH} levels.
	 * @param json the bytes
	 * @return the tree of the document; {@code null} for the document {@code null}
	 * @throws MalformedJsonException if the bytes are not such a document
	 */
	public static @Nullable Object parse(byte[] json) throws MalformedJsonException {
		return new JsonReader(json).document();
	}

	/**
	 * Writes a tree as compact JSON in UTF-8. Besides the types {@link #parse} returns it
	 * takes any {@code Map} with string keys, any {@code List}, and {@code Integer},
	 * {@code Long} and finite {@code Double} numbers; {@code BigDecimal}s are written
	 * without exponent unless that would take more than a thousand digits.
	 * @param value the tree
	 * @return the JSON bytes
	 * @throws IllegalArgumentException if the tree holds another type, a non-string key
	 * or a non-finite double
	 */
	public static byte[] write(@Nullable Object value) {
		return new JsonWriter().value(value).toByteArray();
	}

}
