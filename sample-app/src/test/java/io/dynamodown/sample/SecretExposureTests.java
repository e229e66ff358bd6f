package io.dynamodown.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the secret access key appears in no actuator output and no log line, even
 * with endpoints set to show values and debug logging on.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dynamodown.credentials.access-key-id=AKIDSAMPLEEXAMPLE",
				"dynamodown.credentials.secret-access-key=" + SecretExposureTests.SECRET,
				"management.endpoints.web.exposure.include=health,configprops,env",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
				"management.endpoint.health.show-details=always", "logging.level.io.dynamodown=debug", "debug=true" })
class SecretExposureTests {

	static final String SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCYsecret";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void configpropsShowsTheKeyIdButNotTheSecret() throws Exception {
		String body = get("/actuator/configprops");
		assertThat(body).contains("dynamodown").contains("AKIDSAMPLEEXAMPLE").doesNotContain(SECRET);
	}

	@Test
	void envDoesNotShowTheSecret() throws Exception {
		assertThat(get("/actuator/env")).contains("secret-access-key").doesNotContain(SECRET);
	}

	@Test
	void healthDoesNotShowCredentials() throws Exception {
		assertThat(get("/actuator/health")).contains("dynamodown")
			.doesNotContain(SECRET)
			.doesNotContain("AKIDSAMPLEEXAMPLE");
	}

	@Test
	void logsDoNotContainTheSecret(CapturedOutput output) throws Exception {
		get("/actuator/health");
		assertThat(output).contains("Started SecretExposureTests").doesNotContain(SECRET);
	}

	private String get(String path) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					BodyHandlers.ofString())
			.body();
	}

}
