package io.dynamodown.sample;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.URI;

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
 * Requests the server cannot make sense of are client errors: a 4xx answer with a JSON
 * body of a code and a message, logged at DEBUG only, never an ERROR with a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClientErrorTests {

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void client() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void aQueryParameterWithoutANameIsABadRequest(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/entries?=x");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"INVALID_ARGUMENT\"").contains("\"message\":");
		assertThat(output).doesNotContain("ERROR");
	}

	@Test
	void anEncodedSlashInAKeySegmentIsABadRequestAnsweredInJson(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/entries/a%2Fb");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"INVALID_KEY\"").contains("/entries?key=");
		assertThat(output).doesNotContain("ERROR");
	}

	@Test
	void aBrokenMultipartBodyIsABadRequest(CapturedOutput output) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/entries"))
			.POST(BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nbroken"))
			.header("Content-Type", "multipart/form-data; boundary=x")
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"INVALID_ARGUMENT\"").contains("\"message\":");
		assertThat(output).doesNotContain("ERROR");
	}

	@Test
	void anUnknownPathIsNotFoundWithACodeAndMessage(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.delete("/nowhere");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("\"code\":").contains("\"message\":");
		assertThat(output).doesNotContain("ERROR");
	}

}
