package io.dynamodown.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end through the observations: with a tracer on the class path, an HTTP request
 * to the sample app gives a trace whose DynamoDB span is the child of the HTTP span, and
 * the store's operations are timed as {@code dynamodown.operation}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TracingTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private SimpleTracer tracer;

	@Test
	void theStoresSpanIsAChildOfTheHttpRequestsSpan() throws Exception {
		HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/entries?key=traced"))
			.PUT(HttpRequest.BodyPublishers.ofString("value"))
			.build());
		assertThat(put.statusCode()).isEqualTo(200);
		List<SimpleSpan> spans = List.copyOf(this.tracer.getSpans());
		SimpleSpan store = spans.stream()
			.filter((span) -> span.getName().equals("dynamodown put"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no store span among " + spans));
		SimpleSpan server = spans.stream()
			.filter((span) -> span.getSpanId().equals(store.getParentId()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the parent of " + store + " is not among " + spans));
		System.out.println("HTTP span: " + server.getName() + " " + server.getTags());
		System.out.println("store span: " + store.getName() + " " + store.getTags());
		assertThat(server.getName()).startsWith("http put");
		assertThat(store.getTraceId()).isEqualTo(server.getTraceId());
		assertThat(store.getTags()).containsEntry("db.system.name", "aws.dynamodb")
			.containsEntry("db.operation.name", "put")
			.containsEntry("outcome", "success");
	}

	@Test
	void storeOperationsAreTimedAsDynamodownOperation() throws Exception {
		send(HttpRequest.newBuilder(uri("/entries?key=timed")).build());
		HttpResponse<String> metric = send(
				HttpRequest.newBuilder(uri("/actuator/metrics/dynamodown.operation?tag=db.operation.name:get"))
					.build());
		System.out.println("/actuator/metrics/dynamodown.operation?tag=db.operation.name:get: " + metric.body());
		assertThat(metric.statusCode()).isEqualTo(200);
		assertThat(metric.body()).contains("\"name\":\"dynamodown.operation\"").contains("\"statistic\":\"COUNT\"");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Tracing {

		@Bean
		SimpleTracer tracer() {
			return new SimpleTracer();
		}

		@Bean
		DefaultTracingObservationHandler tracingObservationHandler(SimpleTracer tracer) {
			return new DefaultTracingObservationHandler(tracer);
		}

	}

}
