package io.dynamodown.server.internal.expression;

import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * A checked condition (a {@code ConditionExpression}, a {@code FilterExpression} or their
 * legacy forms) that evaluates items as DynamoDB does.
 */
public interface Condition {

	/**
	 * Evaluates the condition.
	 * @param item the item, empty when there is none
	 * @return whether the item satisfies the condition
	 */
	boolean test(Map<String, AttributeValue> item);

	/**
	 * Returns the top-level attributes the condition refers to, for the checks that
	 * depend on the table (such as a filter on a key attribute).
	 * @return the attribute names, in the order of the expression
	 */
	Set<String> topLevelAttributes();

	/**
	 * Returns the top-level attributes of which the condition names a nested part, for
	 * DynamoDB's check that key attributes are not read as maps or lists.
	 * @return the attribute names
	 */
	Set<String> nestedTopLevelAttributes();

}
