package io.dynamodown.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * Sends requests to the sample application on loopback, as a client would.
 */
final class SampleHttp {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	SampleHttp(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send("GET", path, BodyPublishers.noBody());
	}

	HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
		return send("PUT", path, BodyPublishers.ofString(body));
	}

	HttpResponse<String> put(String path, byte[] body) throws IOException, InterruptedException {
		return send("PUT", path, BodyPublishers.ofByteArray(body));
	}

	HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return send("DELETE", path, BodyPublishers.noBody());
	}

	HttpResponse<String> send(String method, String path, BodyPublisher body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, body)
			.header("Content-Type", "text/plain")
			.build();
		return this.http.send(request, BodyHandlers.ofString());
	}

}
