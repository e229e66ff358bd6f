package io.dynamodown.server.internal.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * The Signature Version 4 parameters of a request, from its {@code Authorization} header
 * or, for a presigned request, from its query string; checked for presence with
 * DynamoDB's messages.
 *
 * @param algorithm the signing algorithm, such as {@code AWS4-HMAC-SHA256}
 * @param credential the credential: access key id and scope, slash-delimited
 * @param signedHeaders the names of the signed headers, semicolon-delimited
 * @param signature the signature
 * @param date the request date as sent
 * @param presigned whether the parameters came from the query string
 */
record SignatureParameters(String algorithm, String credential, String signedHeaders, String signature, String date,
		boolean presigned) {

	private static final String ALGORITHM_PARAMETER = "X-Amz-Algorithm";

	private static final List<String> HEADER_PARAMETERS = List.of("Credential", "Signature", "SignedHeaders");

	private static final List<String> QUERY_PARAMETERS = List.of(ALGORITHM_PARAMETER, "X-Amz-Credential",
			"X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date");

	/**
	 * Reads the parameters of a request.
	 * @param request the request
	 * @return its parameters, all present and non-empty
	 * @throws DynamoDbError {@code MissingAuthenticationTokenException} when the request
	 * has no signature, {@code InvalidSignatureException} when it has both kinds,
	 * {@code IncompleteSignatureException} naming every missing parameter
	 */
	static SignatureParameters of(SignedRequest request) {
		String header = request.header("Authorization");
		if (header != null && header.isEmpty()) {
			header = null;
		}
		boolean presigned = request.queryParameters().stream().anyMatch((p) -> p.getKey().equals(ALGORITHM_PARAMETER));
		if (header != null && presigned) {
			throw AuthenticationErrors.invalidSignature(
					"Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
		}
		if (header == null && !presigned) {
			throw AuthenticationErrors.missingToken();
		}
		return (header != null) ? fromHeader(request, header) : fromQuery(request);
	}

	/**
	 * Returns the access key id, the credential's part before the first slash.
	 * @return the access key id
	 */
	String accessKeyId() {
		int slash = this.credential.indexOf('/');
		return (slash < 0) ? this.credential : this.credential.substring(0, slash);
	}

	private static SignatureParameters fromHeader(SignedRequest request, String header) {
		String trimmed = header.trim();
		if (!trimmed.startsWith("AWS4-")) {
			throw AuthenticationErrors.missingToken();
		}
		String[] tokens = trimmed.split("[, ]");
		Map<String, String> parameters = new HashMap<>();
		for (int i = 1; i < tokens.length; i++) {
			String[] nameAndValue = tokens[i].trim().split("=", -1);
			if (nameAndValue.length > 1) {
				parameters.put(nameAndValue[0], nameAndValue[1]);
			}
		}
		StringBuilder missing = new StringBuilder();
		for (String name : HEADER_PARAMETERS) {
			if (value(parameters, name).isEmpty()) {
				missing.append("Authorization header requires '").append(name).append("' parameter. ");
			}
		}
		String date = orEmpty(request.header("X-Amz-Date"));
		if (date.isEmpty()) {
			date = orEmpty(request.header("Date"));
		}
		if (date.isEmpty()) {
			missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
		}
		if (missing.length() > 0) {
			throw AuthenticationErrors.incompleteSignature(missing.append("Authorization=").append(header).toString());
		}
		return new SignatureParameters(tokens[0], value(parameters, "Credential"), value(parameters, "SignedHeaders"),
				value(parameters, "Signature"), date, false);
	}

	private static SignatureParameters fromQuery(SignedRequest request) {
		Map<String, String> parameters = new HashMap<>();
		for (Map.Entry<String, String> parameter : request.queryParameters()) {
			parameters.putIfAbsent(parameter.getKey(), parameter.getValue());
		}
		StringBuilder missing = new StringBuilder();
		for (String name : QUERY_PARAMETERS) {
			if (value(parameters, name).isEmpty()) {
				missing.append("AWS query-string parameters must include '").append(name).append("'. ");
			}
		}
		if (missing.length() > 0) {
			throw AuthenticationErrors
				.incompleteSignature(missing.append("Re-examine the query-string parameters.").toString());
		}
		return new SignatureParameters(value(parameters, ALGORITHM_PARAMETER), value(parameters, "X-Amz-Credential"),
				value(parameters, "X-Amz-SignedHeaders"), value(parameters, "X-Amz-Signature"),
				value(parameters, "X-Amz-Date"), true);
	}

	private static String value(Map<String, String> parameters, String name) {
		return orEmpty(parameters.get(name));
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
