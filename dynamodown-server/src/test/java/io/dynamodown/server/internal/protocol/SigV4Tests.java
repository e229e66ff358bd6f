package io.dynamodown.server.internal.protocol;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signature Version 4 against the worked example of AWS's documentation (IAM
 * {@code ListUsers}, 30 August 2015).
 */
class SigV4Tests {

	private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

	@Test
	void canonicalRequestOfTheExample() {
		assertThat(SigV4.canonicalRequest(example(), "content-type;host;x-amz-date", false))
			.isEqualTo("GET\n/\nAction=ListUsers&Version=2010-05-08\n"
					+ "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\n"
					+ "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
					+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void stringToSignOfTheExample() {
		String canonical = SigV4.canonicalRequest(example(), "content-type;host;x-amz-date", false);
		assertThat(SigV4.stringToSign("20150830T123600Z", "20150830/us-east-1/iam/aws4_request", canonical))
			.isEqualTo("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
					+ "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
	}

	@Test
	void signatureOfTheExample() {
		String canonical = SigV4.canonicalRequest(example(), "content-type;host;x-amz-date", false);
		String stringToSign = SigV4.stringToSign("20150830T123600Z", "20150830/us-east-1/iam/aws4_request", canonical);
		assertThat(SigV4.signature(SECRET, "20150830", "us-east-1", "iam", stringToSign))
			.isEqualTo("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
	}

	@Test
	void canonicalQueryIsSortedAndEncodedWithoutThePresignedSignature() {
		Headers headers = new Headers();
		headers.add("Host", "h");
		SignedRequest request = new SignedRequest("POST", "/a b/%7E", "b=2&a=x+y&X-Amz-Signature=s&a=%2F&c", headers,
				new byte[0]);
		assertThat(SigV4.canonicalRequest(request, "host", true))
			.startsWith("POST\n/a%20b/%257E\na=%2F&a=x%20y&b=2&c=\nhost:h\n");
		assertThat(SigV4.canonicalRequest(request, "host", false))
			.startsWith("POST\n/a%20b/%257E\nX-Amz-Signature=s&a=%2F&a=x%20y&b=2&c=\nhost:h\n");
	}

	@Test
	void headerValuesAreTrimmedAndJoined() {
		Headers headers = new Headers();
		headers.add("X-Multi", "  a   b ");
		headers.add("X-Multi", "c");
		SignedRequest request = new SignedRequest("POST", "/", null, headers, "{}".getBytes(StandardCharsets.UTF_8));
		assertThat(SigV4.canonicalRequest(request, "X-Multi;x-missing", false))
			.isEqualTo("POST\n/\n\nx-multi:a b,c\nx-missing:\n\nx-multi;x-missing\n" + SigV4.sha256Hex(request.body()));
	}

	@Test
	void unsignedPayloadIsSignedAsSuch() {
		Headers headers = new Headers();
		headers.add("X-Amz-Content-Sha256", SigV4.UNSIGNED_PAYLOAD);
		SignedRequest request = new SignedRequest("POST", "/", null, headers, new byte[] { 1 });
		assertThat(SigV4.canonicalRequest(request, "host", false)).endsWith("\n" + SigV4.UNSIGNED_PAYLOAD);
	}

	private static SignedRequest example() {
		URI uri = URI.create("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08");
		Headers headers = new Headers();
		headers.add("Host", "iam.amazonaws.com");
		headers.add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
		headers.add("X-Amz-Date", "20150830T123600Z");
		return new SignedRequest("GET", uri.getRawPath(), uri.getRawQuery(), headers, new byte[0]);
	}

}
