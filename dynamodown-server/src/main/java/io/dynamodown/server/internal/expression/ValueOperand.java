package io.dynamodown.server.internal.expression;

import java.util.Map;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * A value given in the request.
 *
 * @param value the value
 */
record ValueOperand(AttributeValue value) implements Operand {

	@Override
	public AttributeValue evaluate(Map<String, AttributeValue> item) {
		return this.value;
	}

}
