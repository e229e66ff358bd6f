package io.dynamodown.server.internal.expression;

import java.util.Map;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * One node of a condition's tree.
 */
interface ConditionNode {

	/**
	 * Evaluates the condition.
	 * @param item the item, empty when there is none
	 * @return whether the item satisfies the condition
	 */
	boolean test(Map<String, AttributeValue> item);

}
