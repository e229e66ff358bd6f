package io.dynamodown.server.internal.stream;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads the members of the stream entries of the data file, which this server wrote.
 */
final class StoredJson {

	private StoredJson() {
	}

	static Object value(Map<?, ?> json, String member) {
		Object value = json.get(member);
		if (value == null) {
			throw new IllegalStateException("A stream entry of the data file lacks '" + member + "'");
		}
		return value;
	}

	static String string(Map<?, ?> json, String member) {
		return (String) value(json, member);
	}

	static long number(Map<?, ?> json, String member) {
		return ((Number) value(json, member)).longValue();
	}

	static Instant time(Map<?, ?> json, String member) {
		return Instant.ofEpochMilli(number(json, member));
	}

	static @Nullable Instant optionalTime(Map<?, ?> json, String member) {
		return (json.get(member) instanceof Number millis) ? Instant.ofEpochMilli(millis.longValue()) : null;
	}

	static Map<?, ?> object(Map<?, ?> json, String member) {
		return (Map<?, ?>) value(json, member);
	}

	static List<?> list(Map<?, ?> json, String member) {
		return (List<?>) value(json, member);
	}

}
