package io.dynamodown.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged application as a user would in AOT mode
 * ({@code java -Dspring.aot.enabled=true -jar sample-app.jar}, after the build's
 * {@code spring-boot:process-aot}) and calls its endpoints.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AotModeIT {

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private final List<String> log = new CopyOnWriteArrayList<>();

	private Process app;

	private Thread drain;

	private SampleHttp http;

	@BeforeEach
	void start() throws IOException {
		Path jar = Path.of(System.getProperty("sample.jar", "target/sample-app-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).as("the packaged application").exists();
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		// the C1 compiler alone starts a short-lived JVM faster
		this.app = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true", "-jar",
				jar.toString(), "--server.port=0", "--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.start();
		this.http = new SampleHttp(awaitPort());
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.app.destroy();
		if (!this.app.waitFor(1, TimeUnit.MINUTES)) {
			this.app.destroyForcibly();
		}
		if (this.drain != null) {
			this.drain.join();
		}
	}

	@Test
	void appStartedFromTheAotArtifactsAnswersItsEndpoints() throws Exception {
		assertThat(this.log).anyMatch((line) -> line.contains("Starting AOT-processed SampleApplication"));
		HttpResponse<String> put = this.http.put("/entries?key=aot%2Fkey", "ahead of time");
		assertThat(put.statusCode()).isEqualTo(200);
		HttpResponse<String> get = this.http.get("/entries?key=aot/key");
		assertThat(get.statusCode()).isEqualTo(200);
		assertThat(get.body()).isEqualTo("{\"key\":\"aot/key\",\"value\":\"ahead of time\"}");
		assertThat(this.http.get("/entries?gte=aot&lt=aou").body()).isEqualTo("[" + get.body() + "]");
		assertThat(this.http.delete("/entries?key=aot/key").statusCode()).isEqualTo(204);
		HttpResponse<String> health = this.http.get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"dynamodown\"")
			.contains("\"table\":\"sample-app\"")
			.contains("\"status\":\"ACTIVE\"");
		HttpResponse<String> metrics = this.http.get("/actuator/metrics/dynamodown.requests?tag=operation:PutItem");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(this.http.put("/entries/bad", new byte[] { (byte) 0xff }).statusCode()).isEqualTo(400);
		stop();
		assertThat(this.log).noneMatch((line) -> line.contains(" ERROR "));
	}

	/**
	 * Reads the application's output until Tomcat names its port, or fails with the
	 * output when the application ends first.
	 */
	private int awaitPort() throws IOException {
		BufferedReader out = new BufferedReader(
				new InputStreamReader(this.app.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			this.log.add(line);
			Matcher started = STARTED.matcher(line);
			if (started.find()) {
				drainInBackground(out);
				return Integer.parseInt(started.group(1));
			}
		}
		throw new AssertionError("the application ended before it started:\n" + String.join("\n", this.log));
	}

	/** Keeps reading the output so that the application never blocks on a full pipe. */
	private void drainInBackground(BufferedReader out) {
		this.drain = new Thread(() -> {
			try {
				String line;
				while ((line = out.readLine()) != null) {
					this.log.add(line);
				}
			}
			catch (IOException ex) {
				// the output closed with the process
			}
		}, "aot-app-output");
		this.drain.setDaemon(true);
		this.drain.start();
	}

}
