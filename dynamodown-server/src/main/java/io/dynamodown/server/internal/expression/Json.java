package io.dynamodown.server.internal.expression;

import java.util.Map;

/**
 * Reads the JSON tree of a validated request.
 */
final class Json {

	private Json() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(Object json) {
		return (Map<String, Object>) json;
	}

}
