package io.dynamodown.server.internal.validation;

import java.util.Map;

/**
 * Validates the expressions of a request or of one transaction action, at the point of
 * DynamoDB's validation order where it checks them: expression attribute names and
 * values, then each expression's syntax, then names and values left unused. With a
 * {@code KeyConditionExpression} it also checks the key conditions the expression makes.
 */
@FunctionalInterface
public interface ExpressionCheck {

	/** A check that accepts every expression. */
	ExpressionCheck NONE = (request) -> {
	};

	/**
	 * Checks the expressions of a type-checked request or action.
	 * @param requestOrAction the request body, or the action of a transaction item
	 * @throws io.dynamodown.server.internal.error.DynamoDbError if an expression is
	 * invalid
	 */
	void check(Map<String, Object> requestOrAction);

}
