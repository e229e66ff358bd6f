package io.dynamodown.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the cached endpoint: the store is the cache, Boot's cache metrics
 * count its hits and misses, the caches endpoint lists it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CachedEndpointTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void secondCallIsAHitInTheStore() throws Exception {
		HttpResponse<String> first = get("/slow-square/12");
		HttpResponse<String> second = get("/slow-square/12");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo("{\"n\":12,\"square\":144}");
		assertThat(second.body()).isEqualTo(first.body());
		String misses = get("/actuator/metrics/cache.gets?tag=cache:squares&tag=result:miss").body();
		String hits = get("/actuator/metrics/cache.gets?tag=cache:squares&tag=result:hit").body();
		System.out.println("cache.gets miss: " + misses);
		System.out.println("cache.gets hit: " + hits);
		assertThat(misses).contains("\"statistic\":\"COUNT\",\"value\":1.0");
		assertThat(hits).contains("\"statistic\":\"COUNT\",\"value\":1.0");
	}

	@Test
	void cachesEndpointListsTheStoresCaches() throws Exception {
		get("/slow-square/3");
		HttpResponse<String> caches = get("/actuator/caches");
		System.out.println("/actuator/caches: " + caches.body());
		assertThat(caches.statusCode()).isEqualTo(200);
		assertThat(caches.body()).contains("\"squares\":{\"target\":\"io.dynamodown.DynamoLevelDb\"}");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build();
		return this.http.send(request, BodyHandlers.ofString());
	}

}
