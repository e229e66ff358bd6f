package io.dynamodown.server.internal.expression;

import java.util.List;
import java.util.Map;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * {@code AND} or {@code OR} of conditions.
 *
 * @param and whether all parts must hold, rather than one
 * @param parts the conditions
 */
record Logical(boolean and, List<ConditionNode> parts) implements ConditionNode {

	Logical {
		parts = List.copyOf(parts);
	}

	@Override
	public boolean test(Map<String, AttributeValue> item) {
		for (ConditionNode part : this.parts) {
			if (part.test(item) != this.and) {
				return !this.and;
			}
		}
		return this.and;
	}

}
