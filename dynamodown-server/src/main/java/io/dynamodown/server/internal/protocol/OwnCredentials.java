package io.dynamodown.server.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

/**
 * Accepts only requests signed with one key pair, checking them in DynamoDB's order: date
 * format, clock skew, {@code Host} signed, algorithm, credential shape, credential scope,
 * access key id, signature, and finally that no session token is claimed (the server
 * issues none).
 */
final class OwnCredentials implements Authenticator {

	private static final String SERVICE = "dynamodb";

	private static final String TERMINATOR = "aws4_request";

	private final String accessKeyId;

	private final String secretKey;

	private final Clock clock;

	OwnCredentials(String accessKeyId, String secretKey, Clock clock) {
		this.accessKeyId = accessKeyId;
		this.secretKey = secretKey;
		this.clock = clock;
	}

	@Override
	public String accessKeyId(SignedRequest request) {
		SignatureParameters parameters = SignatureParameters.of(request);
		Instant time = RequestTime.parse(parameters.date());
		RequestTime.checkSkew(time, this.clock);
		checkHostSigned(parameters);
		checkAlgorithm(parameters);
		String[] scope = scope(parameters);
		checkScope(scope, time);
		if (!scope[0].equals(this.accessKeyId)) {
			throw AuthenticationErrors.unrecognizedClient("The security token included in the request is invalid.");
		}
		checkSignature(request, parameters, scope, RequestTime.format(time));
		if (request.header("X-Amz-Security-Token") != null) {
			throw AuthenticationErrors.unrecognizedClient("The security token included in the request is invalid");
		}
		return this.accessKeyId;
	}

	private static void checkHostSigned(SignatureParameters parameters) {
		boolean hostSigned = Arrays.stream(parameters.signedHeaders().split(";"))
			.anyMatch((name) -> name.equalsIgnoreCase("host"));
		if (!hostSigned) {
			throw AuthenticationErrors.invalidSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.");
		}
	}

	private static void checkAlgorithm(SignatureParameters parameters) {
		if (!parameters.algorithm().equals(SigV4.ALGORITHM)) {
			throw AuthenticationErrors.incompleteSignature("Unsupported AWS 'algorithm': '" + parameters.algorithm()
					+ "' (only " + SigV4.ALGORITHM + " for now). ");
		}
	}

	/**
	 * Splits the credential into access key id, date, region, service and terminator;
	 * trailing slashes do not count.
	 */
	private static String[] scope(SignatureParameters parameters) {
		String[] scope = parameters.credential().split("/");
		if (scope.length != 5) {
			throw AuthenticationErrors.incompleteSignature(
					"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
							+ parameters.credential() + "'");
		}
		return scope;
	}

	private static void checkScope(String[] scope, Instant time) {
		StringBuilder problems = new StringBuilder();
		if (scope[2].isEmpty()) {
			problems.append("Credential should be scoped to a valid region, not '").append(scope[2]).append("'. ");
		}
		if (!scope[3].equals(SERVICE)) {
			problems.append("Credential should be scoped to correct service: '").append(SERVICE).append("'. ");
		}
		if (!scope[4].equals(TERMINATOR)) {
			problems.append("Credential should be scoped with a valid terminator: '")
				.append(TERMINATOR)
				.append("', not '")
				.append(scope[4])
				.append("'. ");
		}
		String amzDate = RequestTime.format(time);
		String day = amzDate.substring(0, 8);
		if (!scope[1].equals(day)) {
			problems
				.append("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '")
				.append(scope[1])
				.append("' != '")
				.append(day)
				.append("', from '")
				.append(amzDate)
				.append("'.");
		}
		if (problems.length() > 0) {
			throw AuthenticationErrors.invalidSignature(problems.toString().trim());
		}
	}

	private void checkSignature(SignedRequest request, SignatureParameters parameters, String[] scope, String amzDate) {
		String canonicalRequest = SigV4.canonicalRequest(request, parameters.signedHeaders(), parameters.presigned());
		String credentialScope = scope[1] + "/" + scope[2] + "/" + scope[3] + "/" + scope[4];
		String stringToSign = SigV4.stringToSign(amzDate, credentialScope, canonicalRequest);
		String expected = SigV4.signature(this.secretKey, scope[1], scope[2], scope[3], stringToSign);
		byte[] given = parameters.signature().getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given)) {
			throw AuthenticationErrors.invalidSignature("The request signature we calculated does not match the "
					+ "signature you provided. Check your AWS Secret Access Key and signing method. Consult the "
					+ "service documentation for details.\n\nThe Canonical String for this request should have been\n'"
					+ canonicalRequest + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
		}
	}

	@Override
	public String toString() {
		return "OwnCredentials";
	}

}
