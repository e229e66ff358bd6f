package io.dynamodown.server.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.Test;

import io.dynamodown.server.internal.error.DynamoDbError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Verified signatures, checked in DynamoDB's order and answered in its words.
 */
class OwnCredentialsTests {

	private static final String KEY_ID = "AKIDOWN";

	private static final String SECRET = "own-secret";

	private static final String NOW = "20130609T100015Z";

	private final OwnCredentials credentials = new OwnCredentials(KEY_ID, SECRET,
			Clock.fixed(Instant.from(RequestTime.BASIC.parse(NOW)), ZoneOffset.UTC));

	@Test
	void acceptsTheRightSignature() {
		assertThat(this.credentials
			.accessKeyId(signed(headers(NOW), KEY_ID + "/20130609/us-east-1/dynamodb/aws4_request", SECRET)))
			.isEqualTo(KEY_ID);
	}

	@Test
	void acceptsAPresignedRequest() {
		Headers headers = new Headers();
		headers.add("Host", "127.0.0.1:8000");
		String query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + KEY_ID
				+ "%2F20130609%2Fus-east-1%2Fdynamodb%2Faws4_request&X-Amz-Date=" + NOW + "&X-Amz-SignedHeaders=host";
		SignedRequest unsigned = new SignedRequest("POST", "/", query, headers, body());
		String stringToSign = SigV4.stringToSign(NOW, "20130609/us-east-1/dynamodb/aws4_request",
				SigV4.canonicalRequest(unsigned, "host", true));
		String signature = SigV4.signature(SECRET, "20130609", "us-east-1", "dynamodb", stringToSign);
		SignedRequest request = new SignedRequest("POST", "/", query + "&X-Amz-Signature=" + signature, headers,
				body());
		assertThat(this.credentials.accessKeyId(request)).isEqualTo(KEY_ID);
	}

	@Test
	void refusesAWrongSignature() {
		assertRefused(signed(headers(NOW), KEY_ID + "/20130609/us-east-1/dynamodb/aws4_request", "other-secret"),
				"InvalidSignatureException",
				"The request signature we calculated does not match the signature you provided. Check your AWS Secret "
						+ "Access Key and signing method. Consult the service documentation for details.\n\n"
						+ "The Canonical String for this request should have been\n'POST\n/\n\nhost:127.0.0.1:8000\n"
						+ "x-amz-date:" + NOW + "\n\nhost;x-amz-date\n" + SigV4.sha256Hex(body()) + "'\n\n"
						+ "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n" + NOW
						+ "\n20130609/us-east-1/dynamodb/aws4_request\n");
	}

	@Test
	void refusesAnotherAccessKeyId() {
		assertRefused(signed(headers(NOW), "AKIDOTHER/20130609/us-east-1/dynamodb/aws4_request", SECRET),
				"UnrecognizedClientException", "The security token included in the request is invalid.");
	}

	@Test
	void refusesASessionToken() {
		Headers headers = headers(NOW);
		headers.add("X-Amz-Security-Token", "token");
		assertRefused(signed(headers, KEY_ID + "/20130609/us-east-1/dynamodb/aws4_request", SECRET),
				"UnrecognizedClientException", "The security token included in the request is invalid");
	}

	@Test
	void refusesADateInAnotherFormat() {
		assertRefused(signed(headers("201"), KEY_ID + "/20130609/us-east-1/dynamodb/aws4_request", SECRET),
				"IncompleteSignatureException",
				"Date must be in ISO-8601 'basic format'. Got '201'. See http://en.wikipedia.org/wiki/ISO_8601");
	}

	@Test
	void acceptsAnHttpDateHeader() {
		Headers headers = new Headers();
		headers.add("Host", "127.0.0.1:8000");
		headers.add("Date", "Sun, 09 Jun 2013 10:00:15 GMT");
		assertThat(this.credentials
			.accessKeyId(signed(headers, "date;host", KEY_ID + "/20130609/us-east-1/dynamodb/aws4_request", SECRET)))
			.isEqualTo(KEY_ID);
	}

	@Test
	void refusesAnExpiredSignature() {
		assertRefused(signed(headers("20130301T000000Z"), KEY_ID + "/20130301/us-east-1/dynamodb/aws4_request", SECRET),
				"InvalidSignatureException",
				"Signature expired: 20130301T000000Z is now earlier than 20130609T094515Z (20130609T100015Z - 15 min.)");
	}

	@Test
	void refusesASignatureFromTheFuture() {
		assertRefused(signed(headers("20130609T101516Z"), KEY_ID + "/20130609/us-east-1/dynamodb/aws4_request", SECRET),
				"InvalidSignatureException", "Signature not yet current: 20130609T101516Z is still later than "
						+ "20130609T101515Z (20130609T100015Z + 15 min.)");
	}

	@Test
	void acceptsASignatureWithinTheSkew() {
		assertThat(this.credentials.accessKeyId(
				signed(headers("20130609T094515Z"), KEY_ID + "/20130609/us-east-1/dynamodb/aws4_request", SECRET)))
			.isEqualTo(KEY_ID);
	}

	@Test
	void refusesAnUnsignedHost() {
		assertRefused(signed(headers(NOW), "x-amz-date", KEY_ID + "/20130609/us-east-1/dynamodb/aws4_request", SECRET),
				"InvalidSignatureException", "'Host' must be a 'SignedHeader' in the AWS Authorization.");
	}

	@Test
	void refusesAnotherAlgorithm() {
		Headers headers = headers(NOW);
		headers.add("Authorization", "AWS4-HMAC-SHA25 Credential=" + KEY_ID
				+ "/20130609/us-east-1/dynamodb/aws4_request, " + "SignedHeaders=host;x-amz-date, Signature=00");
		assertRefused(new SignedRequest("POST", "/", null, headers, body()), "IncompleteSignatureException",
				"Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). ");
	}

	@Test
	void refusesACredentialOfAnotherShape() {
		assertRefused(signed(headers(NOW), "a/b/c/d", SECRET), "IncompleteSignatureException",
				"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'");
	}

	@Test
	void trailingSlashesOfTheCredentialDoNotCount() {
		assertThat(this.credentials
			.accessKeyId(signed(headers(NOW), KEY_ID + "/20130609/us-east-1/dynamodb/aws4_request//", SECRET)))
			.isEqualTo(KEY_ID);
	}

	@Test
	void refusesAnotherScope() {
		assertRefused(signed(headers("20130609T095204Z"), "a/b/c/d/e", SECRET), "InvalidSignatureException",
				"Credential should be scoped to correct service: 'dynamodb'. "
						+ "Credential should be scoped with a valid terminator: 'aws4_request', not 'e'. "
						+ "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
						+ "'b' != '20130609', from '20130609T095204Z'.");
	}

	private void assertRefused(SignedRequest request, String type, String message) {
		assertThatExceptionOfType(DynamoDbError.class).isThrownBy(() -> this.credentials.accessKeyId(request))
			.satisfies((error) -> {
				assertThat(error.type()).isEqualTo(type);
				assertThat(error.status()).isEqualTo(400);
				assertThat(error.qualifiedType()).startsWith("com.amazon.coral.service#");
			})
			.withMessageStartingWith(message);
	}

	private static Headers headers(String date) {
		Headers headers = new Headers();
		headers.add("Host", "127.0.0.1:8000");
		headers.add("X-Amz-Date", date);
		return headers;
	}

	private static SignedRequest signed(Headers headers, String credential, String secret) {
		return signed(headers, "host;x-amz-date", credential, secret);
	}

	/**
	 * Signs as a client would, with the date of the request headers and the scope of the
	 * credential (whatever they are).
	 */
	private static SignedRequest signed(Headers headers, String signedHeaders, String credential, String secret) {
		SignedRequest unsigned = new SignedRequest("POST", "/", null, headers, body());
		String[] scope = (credential + "////").split("/", -1);
		String date = (headers.getFirst("X-Amz-Date") != null) ? headers.getFirst("X-Amz-Date") : NOW;
		String stringToSign = SigV4.stringToSign(date, scope[1] + "/" + scope[2] + "/" + scope[3] + "/" + scope[4],
				SigV4.canonicalRequest(unsigned, signedHeaders, false));
		String signature = SigV4.signature(secret, scope[1], scope[2], scope[3], stringToSign);
		headers.add("Authorization", "AWS4-HMAC-SHA256 Credential=" + credential + ", SignedHeaders=" + signedHeaders
				+ ", Signature=" + signature);
		return unsigned;
	}

	private static byte[] body() {
		return "{}".getBytes(StandardCharsets.UTF_8);
	}

}
