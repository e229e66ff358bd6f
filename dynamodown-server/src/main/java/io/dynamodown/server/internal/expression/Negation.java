package io.dynamodown.server.internal.expression;

import java.util.Map;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * {@code NOT condition}.
 *
 * @param condition the negated condition
 */
record Negation(ConditionNode condition) implements ConditionNode {

	@Override
	public boolean test(Map<String, AttributeValue> item) {
		return !this.condition.test(item);
	}

}
