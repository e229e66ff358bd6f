package io.dynamodown.server.internal.expression;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * A function used as a condition: {@code attribute_exists}, {@code attribute_not_exists},
 * {@code attribute_type}, {@code begins_with} or {@code contains}.
 *
 * @param function the function
 * @param arguments its operands
 */
record Predicate(Function function, List<Operand> arguments) implements ConditionNode {

	Predicate {
		arguments = List.copyOf(arguments);
	}

	/**
	 * The functions that are conditions.
	 */
	enum Function {

		/** {@code attribute_exists(path)}. */
		ATTRIBUTE_EXISTS("attribute_exists"),
		/** {@code attribute_not_exists(path)}. */
		ATTRIBUTE_NOT_EXISTS("attribute_not_exists"),
		/** {@code attribute_type(path, type)}. */
		ATTRIBUTE_TYPE("attribute_type"),
		/** {@code begins_with(path, prefix)}. */
		BEGINS_WITH("begins_with"),
		/** {@code contains(path, operand)}. */
		CONTAINS("contains");

		private final String functionName;

		Function(String functionName) {
			this.functionName = functionName;
		}

		String functionName() {
			return this.functionName;
		}

		static @Nullable Function named(String name) {
			for (Function function : values()) {
				if (function.functionName.equals(name)) {
					return function;
				}
			}
			return null;
		}

	}

	@Override
	public boolean test(Map<String, AttributeValue> item) {
		AttributeValue first = this.arguments.get(0).evaluate(item);
		switch (this.function) {
			case ATTRIBUTE_EXISTS:
				return first != null;
			case ATTRIBUTE_NOT_EXISTS:
				return first == null;
			case ATTRIBUTE_TYPE: {
				AttributeValue type = this.arguments.get(1).evaluate(item);
				return first != null && type != null && first.type().name().equals(type.asString());
			}
			case BEGINS_WITH:
				return Values.beginsWith(first, this.arguments.get(1).evaluate(item));
			default:
				return Values.contains(first, this.arguments.get(1).evaluate(item));
		}
	}

}
