package io.dynamodown.sample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
 * Bodies over the value limit ({@code sample.max-value-size}, 400 KB by default) are
 * refused with 413: from the {@code Content-Length} before any of the body is read, and
 * while reading a chunked body that has no length.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RequestBodyLimitTests {

	private static final int LIMIT = 400 * 1024;

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
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(READ_GUARD_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(("PUT /entries/huge HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
					+ "Content-Length: 20000000\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String response = readHead(socket.getInputStream());
			assertThat(response).startsWith("HTTP/1.1 413");
		}
		assertThat(this.http.get("/entries/huge").statusCode()).isEqualTo(404);
		assertThat(output).doesNotContain("ERROR");
	}

	@Test
	void bodyOverTheLimitAnswersAMessageNamingTheLimit() throws Exception {
		HttpResponse<String> response = this.http.put("/entries/large", new byte[LIMIT + 1]);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("\"code\":\"INVALID_VALUE\"")
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
	void chunkedBodyUnderTheLimitIsStored() throws Exception {
		byte[] value = filled(300 * 1024);
		HttpResponse<String> response = this.http.send("PUT", "/entries/chunked",
				BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(value)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.http.get("/entries/chunked").body())
			.isEqualTo("{\"key\":\"chunked\",\"value\":\"" + new String(value, StandardCharsets.US_ASCII) + "\"}");
	}

	private static byte[] filled(int length) {
		byte[] bytes = new byte[length];
		Arrays.fill(bytes, (byte) 'v');
		return bytes;
	}

	private static String readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		int b;
		while ((b = in.read()) != -1 && head.indexOf("\r\n\r\n") < 0) {
			head.append((char) b);
		}
		return head.toString();
	}

}
