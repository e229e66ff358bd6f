package io.dynamodown.server.internal.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;
import org.jspecify.annotations.Nullable;

/**
 * Checks that several operations make in the same words.
 */
final class Checks {

	private Checks() {
	}

	/**
	 * Throws a {@code ValidationException} if there is a message.
	 * @param message the message of a failed check, or {@code null}
	 */
	static void fail(@Nullable String message) {
		if (message != null) {
			throw DynamoDbError.validation(message);
		}
	}

	/**
	 * Checks every attribute value of an item or key.
	 * @param attributes the type-checked map of attribute values, or {@code null}
	 */
	static void attributes(@Nullable Object attributes) {
		fail(attributesProblem(attributes));
	}

	static @Nullable String attributesProblem(@Nullable Object attributes) {
		if (attributes instanceof Map<?, ?> map) {
			for (Object value : map.values()) {
				String problem = AttributeValueCheck.problem(value);
				if (problem != null) {
					return problem;
				}
			}
		}
		return null;
	}

	/**
	 * Rejects an {@code AttributesToGet} list that names an attribute twice.
	 * @param attributesToGet the type-checked list, or {@code null}
	 */
	static void distinctAttributesToGet(@Nullable Object attributesToGet) {
		if (attributesToGet instanceof List<?> list) {
			Set<Object> seen = new HashSet<>();
			for (Object name : list) {
				if (!seen.add(String.valueOf(name))) {
					throw DynamoDbError.validation(
							"One or more parameter values were invalid: Duplicate value in attribute name: " + name);
				}
			}
		}
	}

	/**
	 * Rejects an item larger than DynamoDB's maximum item size.
	 * @param item the validated item
	 */
	static void itemSize(@Nullable Object item) {
		if (item != null && ItemSize.of(AttributeValue.mapFromJson(item)) > ItemSize.MAX_ITEM_SIZE) {
			throw DynamoDbError.validation("Item size has exceeded the maximum allowed size");
		}
	}

	/**
	 * Returns a structure of a request, or an empty one for an absent (or {@code null}
	 * element) structure.
	 * @param value the type-checked structure, or {@code null}
	 * @return the structure
	 */
	static Map<?, ?> struct(@Nullable Object value) {
		return (value instanceof Map<?, ?> map) ? map : Map.of();
	}

	/**
	 * Returns a list of a request, or an empty one for an absent list.
	 * @param value the type-checked list, or {@code null}
	 * @return the list
	 */
	static List<?> list(@Nullable Object value) {
		return (value instanceof List<?> list) ? list : List.of();
	}

	/**
	 * Checks the mix of expression and legacy parameters.
	 * @param data the request or action
	 * @param expressions the expression members
	 * @param legacy the legacy members
	 */
	static void expressionParameters(Map<String, Object> data, List<String> expressions, List<String> legacy) {
		fail(ExpressionParameters.problem(data, expressions, legacy));
	}

}
