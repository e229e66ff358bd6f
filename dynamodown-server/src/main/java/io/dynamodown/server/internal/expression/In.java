package io.dynamodown.server.internal.expression;

import java.util.List;
import java.util.Map;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * {@code operand IN (candidate, ...)}.
 *
 * @param operand the operand
 * @param candidates the values it may equal
 */
record In(Operand operand, List<Operand> candidates) implements ConditionNode {

	In {
		candidates = List.copyOf(candidates);
	}

	@Override
	public boolean test(Map<String, AttributeValue> item) {
		AttributeValue value = this.operand.evaluate(item);
		for (Operand candidate : this.candidates) {
			if (Values.equal(value, candidate.evaluate(item))) {
				return true;
			}
		}
		return false;
	}

}
