package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * A request's {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}, and
 * which of them its expressions used.
 */
final class Placeholders {

	private final Map<String, String> names = new LinkedHashMap<>();

	private final Map<String, AttributeValue> values = new LinkedHashMap<>();

	private final Set<String> unusedNames = new LinkedHashSet<>();

	private final Set<String> unusedValues = new LinkedHashSet<>();

	Placeholders(Map<String, String> names, Map<String, AttributeValue> values) {
		this.names.putAll(names);
		this.values.putAll(values);
		this.unusedNames.addAll(names.keySet());
		this.unusedValues.addAll(values.keySet());
	}

	@Nullable String name(String placeholder) {
		this.unusedNames.remove(placeholder);
		return this.names.get(placeholder);
	}

	@Nullable AttributeValue value(String placeholder) {
		this.unusedValues.remove(placeholder);
		return this.values.get(placeholder);
	}

	List<String> unusedNames() {
		return new ArrayList<>(this.unusedNames);
	}

	List<String> unusedValues() {
		return new ArrayList<>(this.unusedValues);
	}

}
