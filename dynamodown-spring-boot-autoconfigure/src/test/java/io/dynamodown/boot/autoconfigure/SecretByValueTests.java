package io.dynamodown.boot.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the secret access key never shows in {@code /actuator/env},
 * {@code /actuator/configprops}, {@code /actuator/health} nor the log, with every
 * endpoint set to show values and debug logging of dynamodown and of the loading of
 * configuration on, whichever way the secret is given: on the command line (also seen in
 * {@code sun.java.command}), in {@code SPRING_APPLICATION_JSON}, as an environment
 * variable, in an {@code application.yml}. Each runs a real application on a free port.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretByValueTests {

	private static final String SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCYbyvalue";

	private static final String[] SHOW_EVERYTHING = { "--server.port=0", "--server.address=127.0.0.1",
			"--dynamodown.embedded.enabled=true", "--dynamodown.table=secrets",
			"--dynamodown.credentials.access-key-id=AKIDBYVALUE",
			"--management.endpoints.web.exposure.include=health,env,configprops",
			"--management.endpoint.env.show-values=always", "--management.endpoint.configprops.show-values=always",
			"--management.endpoint.health.show-details=always", "--logging.level.io.dynamodown=debug",
			"--logging.level.org.springframework.boot.context.config=debug" };

	private final HttpClient http = HttpClient.newHttpClient();

	private String javaCommand;

	@BeforeEach
	void rememberTheJavaCommand() {
		this.javaCommand = System.getProperty("sun.java.command", "");
	}

	@AfterEach
	void restoreTheJavaCommand() {
		System.setProperty("sun.java.command", this.javaCommand);
	}

	@Test
	void commandLineArgument(CapturedOutput output) throws Exception {
		String argument = "--dynamodown.credentials.secret-access-key=" + SECRET;
		// What the JVM shows for "java -jar app.jar --dynamodown...=<secret>".
		System.setProperty("sun.java.command", "app.jar " + argument);
		assertSecretIsHidden(output, Map.of(), "sun.java.command", argument);
	}

	@Test
	void springApplicationJson(CapturedOutput output) throws Exception {
		assertSecretIsHidden(output,
				Map.of("SPRING_APPLICATION_JSON",
						"{\"dynamodown\":{\"credentials\":{\"secret-access-key\":\"" + SECRET + "\"}}}"),
				"SPRING_APPLICATION_JSON");
	}

	@Test
	void environmentVariable(CapturedOutput output) throws Exception {
		assertSecretIsHidden(output, Map.of("DYNAMODOWN_CREDENTIALS_SECRETACCESSKEY", SECRET),
				"DYNAMODOWN_CREDENTIALS_SECRETACCESSKEY");
	}

	@Test
	void applicationYamlAlsoWhereAnotherPropertyContainsTheSecret(@TempDir Path config, CapturedOutput output)
			throws Exception {
		Files.writeString(config.resolve("application.yml"), """
				dynamodown:
				  credentials:
				    secret-access-key: %s
				backup:
				  url: s3://AKIDBYVALUE:%s@backups.example
				""".formatted(SECRET, SECRET));
		assertSecretIsHidden(output, Map.of(), "backup.url",
				"--spring.config.additional-location=file:" + config + "/");
	}

	private void assertSecretIsHidden(CapturedOutput output, Map<String, Object> environmentVariables, String shownName,
			String... args) throws Exception {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setEnvironment(new EnvironmentWithVariables(environmentVariables));
		try (ConfigurableApplicationContext context = application
			.run(Stream.concat(Stream.of(SHOW_EVERYTHING), Stream.of(args)).toArray(String[]::new))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String env = get(port, "/actuator/env");
			assertThat(env).contains(shownName).doesNotContain(SECRET);
			assertThat(get(port, "/actuator/configprops")).contains("AKIDBYVALUE").doesNotContain(SECRET);
			assertThat(get(port, "/actuator/health")).contains("dynamodown").doesNotContain(SECRET);
			assertThat(context.getBean(DynamoDownProperties.class).getCredentials().getSecretAccessKey())
				.as("the secret reached the properties")
				.isEqualTo(SECRET);
		}
		assertThat(output).contains("Embedded DynamoDB server (dynamodown.embedded) started at").doesNotContain(SECRET);
	}

	private String get(int port, String path) throws IOException, InterruptedException {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					BodyHandlers.ofString())
			.body();
	}

	/**
	 * The standard environment with the given variables in place of the process's, which
	 * a test cannot change.
	 */
	private static final class EnvironmentWithVariables extends StandardEnvironment {

		private EnvironmentWithVariables(Map<String, Object> variables) {
			getPropertySources().replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
