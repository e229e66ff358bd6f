package io.dynamodown.server.internal.expression;

/**
 * Why an expression is invalid, in DynamoDB's words but without the name of the
 * expression, which only the caller knows ({@code Invalid UpdateExpression: ...}).
 */
final class InvalidExpression extends RuntimeException {

	private static final long serialVersionUID = 1L;

	InvalidExpression(String message) {
		super(message, null, false, false);
	}

}
