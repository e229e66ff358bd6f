package io.dynamodown.server.internal.protocol;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * The errors with which DynamoDB refuses a request's authentication, all HTTP 400 in the
 * service framework's namespace.
 */
final class AuthenticationErrors {

	private AuthenticationErrors() {
	}

	static DynamoDbError missingToken() {
		return DynamoDbError.of(DynamoDbError.SERVICE, "MissingAuthenticationTokenException", 400,
				"Request is missing Authentication Token");
	}

	static DynamoDbError incompleteSignature(String message) {
		return DynamoDbError.of(DynamoDbError.SERVICE, "IncompleteSignatureException", 400, message);
	}

	static DynamoDbError invalidSignature(String message) {
		return DynamoDbError.of(DynamoDbError.SERVICE, "InvalidSignatureException", 400, message);
	}

	static DynamoDbError unrecognizedClient(String message) {
		return DynamoDbError.of(DynamoDbError.SERVICE, "UnrecognizedClientException", 400, message);
	}

}
