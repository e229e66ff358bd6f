package io.dynamodown.server.internal.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * Typed reads of a validated request body's members.
 */
final class Requests {

	private Requests() {
	}

	/**
	 * Returns a member that validation made sure of.
	 * @param json the object
	 * @param member the member
	 * @return its value
	 * @throws IllegalArgumentException if it is absent
	 */
	static Object value(Map<String, ?> json, String member) {
		Object value = json.get(member);
		if (value == null) {
			throw new IllegalArgumentException(member + " is missing after validation");
		}
		return value;
	}

	/**
	 * Returns an object member that validation made sure of.
	 * @param json the object
	 * @param member the member
	 * @return the member's object
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> object(Map<String, ?> json, String member) {
		return (Map<String, Object>) value(json, member);
	}

	/**
	 * Returns a list of objects that validation made sure of.
	 * @param json the object
	 * @param member the member
	 * @return the member's objects
	 */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> objects(Map<String, ?> json, String member) {
		return (List<Map<String, Object>>) value(json, member);
	}

	static String string(Map<String, ?> json, String member) {
		return (String) value(json, member);
	}

	static @Nullable String optionalString(Map<String, ?> request, String member) {
		Object value = request.get(member);
		return (value instanceof String) ? (String) value : null;
	}

	static boolean flag(Map<String, Object> request, String member) {
		return Boolean.TRUE.equals(request.get(member));
	}

	static @Nullable Integer integer(Map<String, Object> request, String member) {
		Object value = request.get(member);
		return (value instanceof BigDecimal) ? ((BigDecimal) value).intValue() : null;
	}

	/**
	 * Reads a page size, which may be larger than an {@code int} holds.
	 * @param request the request
	 * @param member the member
	 * @return the number, at most {@link Integer#MAX_VALUE}; that when the member is
	 * absent
	 */
	static int pageSize(Map<String, Object> request, String member) {
		Object value = request.get(member);
		if (value instanceof BigDecimal number && number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0) {
			return number.intValue();
		}
		return Integer.MAX_VALUE;
	}

	@SuppressWarnings("unchecked")
	static @Nullable Map<String, Object> map(Map<String, Object> request, String member) {
		Object value = request.get(member);
		return (value instanceof Map) ? (Map<String, Object>) value : null;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Map<String, Object> request, String member) {
		Object value = request.get(member);
		return (value instanceof List) ? (List<Object>) value : List.of();
	}

	/**
	 * Reads a member holding attribute values, such as {@code Item} or {@code Key}.
	 * @param request the request
	 * @param member the member
	 * @return the attributes, empty when the member is absent
	 */
	static Map<String, AttributeValue> attributes(Map<String, Object> request, String member) {
		Object value = request.get(member);
		return (value instanceof Map) ? AttributeValue.mapFromJson(value) : Map.of();
	}

	/**
	 * Returns whether a read is strongly consistent.
	 * @param request the request
	 * @return the {@code ConsistentRead} flag
	 */
	static boolean consistent(Map<String, Object> request) {
		return flag(request, "ConsistentRead");
	}

}
