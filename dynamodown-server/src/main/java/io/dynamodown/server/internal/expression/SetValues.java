package io.dynamodown.server.internal.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.Bytes;

/**
 * Union and difference of set values of one type, keeping the order of the first set.
 */
final class SetValues {

	private SetValues() {
	}

	static AttributeValue union(AttributeValue set, AttributeValue added) {
		List<AttributeValue> elements = new ArrayList<>(set.setElements());
		for (AttributeValue element : added.setElements()) {
			if (!elements.contains(element)) {
				elements.add(element);
			}
		}
		return of(set.type(), elements);
	}

	/**
	 * Returns the elements of a set that are not in another, or {@code null} when none is
	 * left (DynamoDB has no empty sets).
	 */
	static @Nullable AttributeValue difference(AttributeValue set, AttributeValue removed) {
		List<AttributeValue> elements = new ArrayList<>(set.setElements());
		elements.removeAll(removed.setElements());
		return elements.isEmpty() ? null : of(set.type(), elements);
	}

	private static AttributeValue of(AttributeValue.Type type, List<AttributeValue> elements) {
		switch (type) {
			case SS: {
				List<String> strings = new ArrayList<>();
				elements.forEach((element) -> strings.add(element.asString()));
				return AttributeValue.ss(strings);
			}
			case NS: {
				List<BigDecimal> numbers = new ArrayList<>();
				elements.forEach((element) -> numbers.add(element.asNumber()));
				return AttributeValue.ns(numbers);
			}
			default: {
				List<Bytes> bytes = new ArrayList<>();
				elements.forEach((element) -> bytes.add(element.asBinary()));
				return AttributeValue.bs(bytes);
			}
		}
	}

}
