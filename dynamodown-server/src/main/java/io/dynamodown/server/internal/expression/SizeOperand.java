package io.dynamodown.server.internal.expression;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * {@code size(operand)}: a string's length, a binary value's number of bytes, the number
 * of elements of a set, list or map; nothing for other types, as DynamoDB does.
 *
 * @param operand whose size
 */
record SizeOperand(Operand operand) implements Operand {

	@Override
	public @Nullable AttributeValue evaluate(Map<String, AttributeValue> item) {
		AttributeValue value = this.operand.evaluate(item);
		if (value == null) {
			return null;
		}
		switch (value.type()) {
			case S:
				return number(value.asString().length());
			case B:
				return number(value.asBinary().length());
			case SS:
			case NS:
			case BS:
				return number(value.setElements().size());
			case L:
				return number(value.asList().size());
			case M:
				return number(value.asMap().size());
			default:
				return null;
		}
	}

	private static AttributeValue number(int size) {
		return AttributeValue.n(Integer.toString(size));
	}

}
