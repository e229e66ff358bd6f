package io.dynamodown.server.internal.protocol;

/**
 * Accepts every request with complete Signature Version 4 parameters, whatever its
 * signature, and takes the access key id from its credential.
 */
final class AnyCredentials implements Authenticator {

	@Override
	public String accessKeyId(SignedRequest request) {
		return SignatureParameters.of(request).accessKeyId();
	}

	@Override
	public String toString() {
		return "AnyCredentials";
	}

}
