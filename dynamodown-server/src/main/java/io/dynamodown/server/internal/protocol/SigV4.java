package io.dynamodown.server.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The computations of Signature Version 4: canonical request, string to sign, signing key
 * and signature. Pure functions of their arguments.
 */
final class SigV4 {

	/** The one algorithm DynamoDB accepts. */
	static final String ALGORITHM = "AWS4-HMAC-SHA256";

	/** The payload hash a client may sign instead of its body's. */
	static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

	private static final HexFormat HEX = HexFormat.of();

	private SigV4() {
	}

	/**
	 * Builds the canonical request: method, canonical path (each segment URI-encoded
	 * again, as AWS's SDKs sign every service but S3), sorted canonical query, the signed
	 * headers with trimmed values, their names and the payload hash.
	 * @param request the request
	 * @param signedHeaders the names of the signed headers, semicolon-delimited
	 * @param presigned whether the signature is in the query string, which the canonical
	 * query then leaves out
	 * @return the canonical request
	 */
	static String canonicalRequest(SignedRequest request, String signedHeaders, boolean presigned) {
		String names = signedHeaders.toLowerCase(Locale.ROOT);
		StringBuilder canonical = new StringBuilder(512);
		canonical.append(request.method()).append('\n');
		canonical.append(uriEncode(request.rawPath().isEmpty() ? "/" : request.rawPath(), false)).append('\n');
		canonical.append(canonicalQuery(request, presigned)).append('\n');
		for (String name : names.split(";", -1)) {
			canonical.append(name).append(':').append(headerValue(request, name)).append('\n');
		}
		canonical.append('\n').append(names).append('\n').append(payloadHash(request));
		return canonical.toString();
	}

	/**
	 * Builds the string to sign.
	 * @param amzDate the request time in ISO 8601 basic format
	 * @param scope the credential scope: date, region, service, terminator
	 * @param canonicalRequest the canonical request
	 * @return the string to sign
	 */
	static String stringToSign(String amzDate, String scope, String canonicalRequest) {
		return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n'
				+ sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Computes a signature.
	 * @param secretKey the secret access key
	 * @param date the date of the credential scope ({@code yyyyMMdd})
	 * @param region the region of the scope
	 * @param service the service of the scope
	 * @param stringToSign the string to sign
	 * @return the signature in lower-case hex
	 */
	static String signature(String secretKey, String date, String region, String service, String stringToSign) {
		byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
		key = hmac(key, region);
		key = hmac(key, service);
		key = hmac(key, "aws4_request");
		return HEX.formatHex(hmac(key, stringToSign));
	}

	/**
	 * Returns the hex SHA-256 of bytes.
	 * @param bytes the bytes
	 * @return the digest in lower-case hex
	 */
	static String sha256Hex(byte[] bytes) {
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static String payloadHash(SignedRequest request) {
		return UNSIGNED_PAYLOAD.equals(request.header("X-Amz-Content-Sha256")) ? UNSIGNED_PAYLOAD
				: sha256Hex(request.body());
	}

	private static String canonicalQuery(SignedRequest request, boolean presigned) {
		List<String> pairs = new ArrayList<>();
		for (Map.Entry<String, String> parameter : request.queryParameters()) {
			if (!(presigned && parameter.getKey().equals("X-Amz-Signature"))) {
				pairs.add(uriEncode(parameter.getKey(), true) + "=" + uriEncode(parameter.getValue(), true));
			}
		}
		pairs.sort(null);
		return String.join("&", pairs);
	}

	private static String headerValue(SignedRequest request, String name) {
		List<String> values = request.headers().get(name);
		if (values == null) {
			return "";
		}
		StringBuilder joined = new StringBuilder();
		for (String value : values) {
			if (joined.length() > 0) {
				joined.append(',');
			}
			joined.append(value.trim().replaceAll(" {2,}", " "));
		}
		return joined.toString();
	}

	/**
	 * Percent-encodes everything but RFC 3986's unreserved characters (and the slash,
	 * unless told otherwise), with upper-case hex digits.
	 */
	private static String uriEncode(String text, boolean encodeSlash) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		StringBuilder encoded = new StringBuilder(bytes.length + 16);
		for (byte b : bytes) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
				encoded.append(c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
		}
	}

}
