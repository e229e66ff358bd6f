package io.dynamodown.server.internal.validation;

import java.util.Map;

/**
 * What DynamoDB checks of one operation before it looks at a table: the request's shape,
 * then the operation's own checks of the type-checked, constraint-checked request.
 */
interface OperationRules {

	/**
	 * Returns the shape of the request.
	 * @return the shape
	 */
	Shape request();

	/**
	 * Runs the operation's own checks, in DynamoDB's order.
	 * @param data the type-checked request
	 * @param expressions the expression check to run where DynamoDB checks expressions
	 * @throws io.dynamodown.server.internal.error.DynamoDbError if a check fails
	 */
	void check(Map<String, Object> data, ExpressionCheck expressions);

}
