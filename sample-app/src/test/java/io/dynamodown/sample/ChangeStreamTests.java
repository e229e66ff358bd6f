package io.dynamodown.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.dynamodown.LevelDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /changes}: writes through the app's API arrive on the Server-Sent Events
 * stream as JSON, read from the change feed of the store on the embedded server (polled
 * every 20 ms here, to keep the test short).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dynamodown.changes.poll-interval=20ms")
class ChangeStreamTests {

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	@LocalServerPort
	private int port;

	@Autowired
	private LevelDb db;

	private SampleHttp http;

	@BeforeEach
	void client() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void writesThroughTheApiArriveOnTheStream() throws Exception {
		BlockingQueue<String> lines = open();
		assertThat(this.http.put("/entries/live-put", "hello").statusCode()).isEqualTo(200);
		assertThat(this.http.delete("/entries/live-put").statusCode()).isEqualTo(204);
		assertThat(dataAbout("live-put", lines, 2)).containsExactly(
				"data:{\"kind\":\"PUT\",\"key\":\"live-put\",\"value\":\"hello\",\"encoding\":\"utf-8\"}",
				"data:{\"kind\":\"DELETE\",\"key\":\"live-put\",\"value\":null,\"encoding\":\"utf-8\"}");
	}

	@Test
	void bytesThatAreNotUtf8ArriveInBase64() throws Exception {
		BlockingQueue<String> lines = open();
		byte[] key = "live-bytes".getBytes(StandardCharsets.UTF_8);
		this.db.put(key, new byte[] { (byte) 0xff, 0x00 });
		assertThat(dataAbout("bGl2ZS1ieXRlcw==", lines, 1)).containsExactly(
				"data:{\"kind\":\"PUT\",\"key\":\"bGl2ZS1ieXRlcw==\",\"value\":\"/wA=\",\"encoding\":\"base64\"}");
	}

	/**
	 * Opens the stream and reads its lines on a thread of their own; returns once the
	 * stream has answered, so that every change made after is on it.
	 */
	private BlockingQueue<String> open() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/changes"))
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
			.sendAsync(request, BodyHandlers.ofLines())
			.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> response.body().forEach(lines::add), "changes-stream-reader");
		reader.setDaemon(true);
		reader.start();
		return lines;
	}

	/**
	 * The first {@code count} data lines that mention the key, waiting at most the
	 * deadline.
	 */
	private static List<String> dataAbout(String key, BlockingQueue<String> lines, int count)
			throws InterruptedException {
		List<String> found = new ArrayList<>();
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while (found.size() < count) {
			String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			assertThat(line).as("line %d about %s within %s", found.size() + 1, key, DEADLINE).isNotNull();
			if (line.startsWith("data:") && line.contains("\"key\":\"" + key + "\"")) {
				found.add(line);
			}
		}
		return found;
	}

}
