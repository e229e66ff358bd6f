package io.dynamodown.server.internal.expression;

import java.util.Map;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * {@code operand BETWEEN low AND high}, bounds included.
 *
 * @param operand the compared operand
 * @param low the lower bound
 * @param high the upper bound
 */
record Between(Operand operand, Operand low, Operand high) implements ConditionNode {

	@Override
	public boolean test(Map<String, AttributeValue> item) {
		AttributeValue value = this.operand.evaluate(item);
		AttributeValue lower = this.low.evaluate(item);
		AttributeValue upper = this.high.evaluate(item);
		return value != null && lower != null && upper != null && Values.ordered(value, lower)
				&& Values.ordered(value, upper) && value.compareTo(lower) >= 0 && value.compareTo(upper) <= 0;
	}

}
