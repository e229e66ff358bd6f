package io.dynamodown.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies over the value limit ({@code sample.max-value-size}, by default the store's
 * largest value, 16 MB) are refused with 413: from the {@code Content-Length} before any
 * of the body is read, and while reading a chunked body that has no length.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RequestBodyLimitTests {

	private static final int LIMIT = 16 * 1024 * 1024;

	private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\ncontent-length: *(\\d+)");

	/**
	 * Guards the test against a server that waits for the body; never reached when it
	 * works.
	 */
	private static final int READ_GUARD_MILLIS = 60_000;

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void client() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void bodyAnnouncedOverTheLimitIsRefusedBeforeItIsSent(CapturedOutput output) throws Exception {
		assertThat(announce("/entries/huge", 20_000_000)).startsWith("HTTP/1.1 413");
		assertThat(this.http.get("/entries/huge").statusCode()).isEqualTo(404);
		assertThat(output).doesNotContain("ERROR");
	}

	@Test
	void bodyOverTheLimitAnswersAMessageNamingTheLimit() throws Exception {
		assertThat(announce("/entries/large", LIMIT + 1)).startsWith("HTTP/1.1 413")
			.contains("\"code\":\"INVALID_VALUE\"")
			.contains("sample.max-value-size")
			.contains(Integer.toString(LIMIT))
			.contains((LIMIT + 1) + " bytes (Content-Length)");
	}

	@Test
	void chunkedBodyOverTheLimitIsRefused(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.send("PUT", "/entries/chunked-large",
				BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(filled(LIMIT + 1))));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("\"code\":\"INVALID_VALUE\"").contains(Integer.toString(LIMIT));
		assertThat(this.http.get("/entries/chunked-large").statusCode()).isEqualTo(404);
		assertThat(output).doesNotContain("ERROR");
	}

	@Test
	void chunkedBodyOfExactlyTheLimitIsStored() throws Exception {
		byte[] value = filled(LIMIT);
		HttpResponse<String> response = this.http.send("PUT", "/entries/chunked",
				BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(value)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.http.get("/entries/chunked").body())
			.isEqualTo("{\"key\":\"chunked\",\"value\":\"" + new String(value, StandardCharsets.US_ASCII) + "\"}");
	}

	/**
	 * Sends the head of a PUT announcing a body of a length, and none of the body.
	 * @return the response, head and body
	 */
	private String announce(String path, long contentLength) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(READ_GUARD_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(("PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
					+ "Content-Length: " + contentLength + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return readResponse(socket.getInputStream());
		}
	}

	/**
	 * Reads one response, framed by its {@code Content-Length} or chunked encoding: the
	 * server keeps the connection open, waiting for the body it was announced.
	 */
	private static String readResponse(InputStream in) throws IOException {
		ByteArrayOutputStream response = new ByteArrayOutputStream();
		int b;
		while (!complete(response.toString(StandardCharsets.US_ASCII)) && (b = in.read()) != -1) {
			response.write(b);
		}
		return response.toString(StandardCharsets.UTF_8);
	}

	private static boolean complete(String response) {
		int headEnd = response.indexOf("\r\n\r\n");
		if (headEnd < 0) {
			return false;
		}
		String head = response.substring(0, headEnd).toLowerCase(Locale.ROOT);
		Matcher length = CONTENT_LENGTH.matcher(head);
		if (length.find()) {
			return response.length() >= headEnd + 4 + Integer.parseInt(length.group(1));
		}
		return !head.contains("transfer-encoding: chunked") || response.endsWith("\r\n0\r\n\r\n");
	}

	private static byte[] filled(int length) {
		byte[] bytes = new byte[length];
		Arrays.fill(bytes, (byte) 'v');
		return bytes;
	}

}
