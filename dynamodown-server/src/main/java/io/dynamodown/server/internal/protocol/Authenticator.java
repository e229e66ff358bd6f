package io.dynamodown.server.internal.protocol;

import java.time.Clock;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * Decides whether a request is authentic, in DynamoDB's order of checks and with its
 * errors, and names the access key id it was signed with.
 */
public sealed interface Authenticator permits AnyCredentials, OwnCredentials {

	/**
	 * An authenticator that accepts every well-formed signature without checking it, as
	 * local DynamoDB servers do: a request must still carry Signature Version 4
	 * parameters, in the {@code Authorization} header or the query string.
	 * @return the authenticator
	 */
	static Authenticator anyCredentials() {
		return new AnyCredentials();
	}

	/**
	 * An authenticator that accepts only requests signed with one key pair, verifying the
	 * signature as DynamoDB does, and a request time within 15 minutes of the system
	 * clock.
	 * @param accessKeyId the access key id
	 * @param secretKey the secret access key
	 * @return the authenticator
	 */
	static Authenticator ownCredentials(String accessKeyId, String secretKey) {
		return new OwnCredentials(accessKeyId, secretKey, Clock.systemUTC());
	}

	/**
	 * Authenticates a request.
	 * @param request the request
	 * @return the access key id it is signed with
	 * @throws DynamoDbError DynamoDB's error for a request without a valid signature
	 */
	String accessKeyId(SignedRequest request);

}
