package io.dynamodown.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the sample application over HTTP, on the embedded DynamoDB server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void putThenGetReturnsTheValue() throws Exception {
		assertThat(send("PUT", "/entries/greeting", "hello").statusCode()).isEqualTo(200);
		HttpResponse<String> response = send("GET", "/entries/greeting", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"key\":\"greeting\",\"value\":\"hello\"}");
	}

	@Test
	void deleteRemovesTheKey() throws Exception {
		send("PUT", "/entries/gone", "soon");
		assertThat(send("DELETE", "/entries/gone", null).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/entries/gone", null).statusCode()).isEqualTo(404);
	}

	@Test
	void rangeIsListedInBothDirections() throws Exception {
		for (String key : new String[] { "r:a", "r:b", "r:c", "r:d" }) {
			send("PUT", "/entries/" + key, "v-" + key);
		}
		assertThat(send("GET", "/entries?gte=r:b&lt=r:d", null).body())
			.isEqualTo("[{\"key\":\"r:b\",\"value\":\"v-r:b\"},{\"key\":\"r:c\",\"value\":\"v-r:c\"}]");
		assertThat(send("GET", "/entries?gt=r:&lte=r:d&reverse=true&limit=3", null).body()).isEqualTo(
				"[{\"key\":\"r:d\",\"value\":\"v-r:d\"},{\"key\":\"r:c\",\"value\":\"v-r:c\"},{\"key\":\"r:b\",\"value\":\"v-r:b\"}]");
	}

	@Test
	void appendedEventsAreListedInTimeOrder() throws Exception {
		String first = send("POST", "/entries", "first").body();
		String second = send("POST", "/entries", "second").body();
		assertThat(first).contains("\"value\":\"first\"");
		String events = send("GET", "/entries?gte=event:&lt=event;", null).body();
		assertThat(events.indexOf("\"first\"")).isLessThan(events.indexOf("\"second\""));
		assertThat(second).contains("\"key\":\"event:");
	}

	@Test
	void healthIsUpWithTheDynamodownContributor() throws Exception {
		HttpResponse<String> response = send("GET", "/actuator/health", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"dynamodown\":{\"details\":{\"table\":\"sample-app\","
				+ "\"hashKey\":\"!\",\"shards\":1,\"status\":\"ACTIVE\",\"changes\":{\"consumer\":\"dynamodown-sample\","
				+ "\"state\":\"running\",\"shards\":")
			.contains("},\"status\":\"UP\"}");
	}

	@Test
	void requestMetricsAreExposed() throws Exception {
		send("PUT", "/entries/metric", "m");
		HttpResponse<String> response = send("GET", "/actuator/metrics/dynamodown.requests?tag=operation:PutItem",
				null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"dynamodown.requests\"").contains("\"COUNT\"");
	}

	private HttpResponse<String> send(String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody())
			.header("Content-Type", "text/plain")
			.build();
		return this.http.send(request, BodyHandlers.ofString());
	}

}
