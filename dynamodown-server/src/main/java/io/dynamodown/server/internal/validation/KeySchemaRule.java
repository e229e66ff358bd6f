package io.dynamodown.server.internal.validation;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The order and names of a key schema's elements: a hash key first, an optional range key
 * second, with different names.
 */
final class KeySchemaRule {

	private KeySchemaRule() {
	}

	/**
	 * Checks a key schema of one or two constraint-checked elements.
	 * @param keySchema the elements
	 * @return DynamoDB's message, or {@code null}
	 */
	static @Nullable String problem(List<?> keySchema) {
		if (keySchema.isEmpty()) {
			return null;
		}
		Object hash = Checks.struct(keySchema.get(0)).get("AttributeName");
		boolean hasRange = keySchema.size() > 1;
		if (hasRange && Objects.equals(hash, Checks.struct(keySchema.get(1)).get("AttributeName"))) {
			return "Both the Hash Key and the Range Key element in the KeySchema have the same name";
		}
		if (!"HASH".equals(Checks.struct(keySchema.get(0)).get("KeyType"))) {
			return "Invalid KeySchema: The first KeySchemaElement is not a HASH key type";
		}
		if (hasRange && !"RANGE".equals(Checks.struct(keySchema.get(1)).get("KeyType"))) {
			return "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type";
		}
		return null;
	}

}
