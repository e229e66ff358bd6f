package io.dynamodown.server.internal.expression;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * An operand of a condition: a document path, an expression attribute value or
 * {@code size(...)}.
 */
interface Operand {

	/**
	 * Returns the operand's value for an item.
	 * @param item the item, empty when there is none
	 * @return the value, or {@code null} when the item has none
	 */
	@Nullable AttributeValue evaluate(Map<String, AttributeValue> item);

}
