package io.dynamodown.boot.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDbException;
import io.dynamodown.boot.autoconfigure.cache.LevelDbCacheAutoConfiguration;
import io.dynamodown.boot.autoconfigure.embedded.EmbeddedDynamoDbAutoConfiguration;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import io.dynamodown.embedded.junit.EmbeddedDynamoDbTest;
import io.dynamodown.embedded.junit.TestTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that a failed startup prints a failure analysis, and no stack trace, for an
 * invalid property and for each way the store can fail to open; the analyzers are found
 * through {@code META-INF/spring.factories} as in an application.
 */
@EmbeddedDynamoDbTest
@ExtendWith(OutputCaptureExtension.class)
class FailureAnalysisReportTests {

	@Test
	void invalidTableNameIsReported(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--dynamodown.table=x"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: dynamodown.table")
			.contains("must be 3 to 255 characters of [a-zA-Z0-9_.-]");
	}

	@Test
	void compressionLevelOutOfRangeIsReported(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--dynamodown.table=valid", "--dynamodown.compression.level=12"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: dynamodown.compression.level")
			.contains("Value: 12")
			.contains("must be 1 (fastest) to 9 (smallest)");
	}

	@Test
	void zeroMaxValueSizeIsReported(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--dynamodown.table=valid", "--dynamodown.max-value-size=0"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: dynamodown.max-value-size")
			.contains("Value: 0B")
			.contains("dynamodown.max-value-size must be 1 to");
	}

	@Test
	void unknownBillingModeIsReportedWithTheValidValues(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--dynamodown.table=valid", "--dynamodown.billing-mode=free"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("dynamodown.billing-mode")
			.contains("ON_DEMAND")
			.contains("PROVISIONED");
	}

	@Test
	void endpointWithoutSchemeIsReportedWithItsOrigin(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--dynamodown.table=app", "--dynamodown.region=eu-west-1",
				"--dynamodown.endpoint=localhost:8000", "--dynamodown.credentials.access-key-id=local",
				"--dynamodown.credentials.secret-access-key=local"));
		assertPropertyReport(output, "dynamodown.endpoint", "localhost:8000",
				"must be an absolute URL with the scheme http or https and a host");
	}

	@Test
	void cacheNameWithSublevelSeparatorIsReportedWithItsOrigin(CapturedOutput output) {
		SpringApplication application = new SpringApplication(CacheApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException()
			.isThrownBy(() -> application.run("--dynamodown.table=app", "--dynamodown.embedded.enabled=true",
					"--dynamodown.cache.enabled=true", "--dynamodown.cache.cache-names=a!b"));
		assertPropertyReport(output, "dynamodown.cache.cache-names", "a!b", "do not contain '!'");
	}

	@Test
	void embeddedPathNamingAFileIsReportedWithItsOrigin(@TempDir Path directory, CapturedOutput output)
			throws IOException {
		Path file = Files.writeString(directory.resolve("data"), "not a directory");
		assertThatException().isThrownBy(() -> run("--dynamodown.table=app", "--dynamodown.embedded.enabled=true",
				"--dynamodown.embedded.path=" + file));
		assertPropertyReport(output, "dynamodown.embedded.path", file.toString(), "must name a directory");
	}

	@Test
	void unknownKeyIsReportedWithTheClosestKnownKeyWhenAsked(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--dynamodown.table=app", "--dynamodown.embeded.enabled=true",
				"--dynamodown.fail-on-unknown-properties=true"));
		assertPropertyReport(output, "dynamodown.embeded.enabled", "true",
				"is not a dynamodown property; did you mean dynamodown.embedded.enabled?");
		assertThat(output)
			.contains("Rename dynamodown.embeded.enabled where it is set (see Origin above), or remove it");
	}

	@Test
	void embeddedEnabledWithoutTheEmbeddedModuleNamesTheDependency(CapturedOutput output) {
		SpringApplication application = new SpringApplication(
				new DefaultResourceLoader(new FilteredClassLoader(EmbeddedDynamoDb.class)), TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException()
			.isThrownBy(() -> application.run("--dynamodown.table=app", "--dynamodown.embedded.enabled=true"));
		assertReport(output, "dynamodown-embedded is not on the class path",
				"<artifactId>dynamodown-embedded</artifactId>");
	}

	@Test
	void refusedEndpointNamesTheEndpointAndTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--dynamodown.table=app", "--dynamodown.region=eu-west-1",
				"--dynamodown.endpoint=http://127.0.0.1:1", "--dynamodown.retry.max-attempts=2",
				"--dynamodown.credentials.access-key-id=local", "--dynamodown.credentials.secret-access-key=local"));
		assertReport(output, "Nothing accepted a connection at http://127.0.0.1:1 (region eu-west-1)",
				"correct dynamodown.endpoint");
	}

	@Test
	void endpointThatNeverAnswersNamesTheTimeouts(CapturedOutput output) throws IOException {
		// accepts connections (the kernel's backlog) and never answers, as a frozen
		// server
		try (ServerSocket frozen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			String endpoint = "http://127.0.0.1:" + frozen.getLocalPort();
			assertThatException().isThrownBy(() -> run("--dynamodown.table=app", "--dynamodown.region=eu-west-1",
					"--dynamodown.endpoint=" + endpoint, "--dynamodown.timeout=1s",
					"--dynamodown.attempt-timeout=500ms", "--dynamodown.credentials.access-key-id=local",
					"--dynamodown.credentials.secret-access-key=local"));
			assertReport(output, "DynamoDB at " + endpoint + " (region eu-west-1) did not answer in time",
					"raise dynamodown.attempt-timeout and dynamodown.timeout");
			assertThat(output).contains("total timeout of 1s");
		}
	}

	@Test
	void existingTableWithErrorIfExistsNamesTheProperty(EmbeddedDynamoDb server, TestTable table,
			CapturedOutput output) {
		createTable(server, table, "hkey", "rkey");
		assertThatException().isThrownBy(() -> run(server, table, "--dynamodown.error-if-exists=true"));
		assertReport(output, "The table '" + table + "' already exists and dynamodown.error-if-exists is true",
				"Set dynamodown.error-if-exists=false");
	}

	@Test
	void missingTableWithoutCreateIfMissingNamesTheProperty(EmbeddedDynamoDb server, TestTable table,
			CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(server, table, "--dynamodown.create-if-missing=false"));
		assertReport(output, "at " + server.endpoint() + " (region us-east-1)",
				"set dynamodown.create-if-missing=true");
	}

	@Test
	void tableOfAnotherKeySchemaShowsBothSchemas(EmbeddedDynamoDb server, TestTable table, CapturedOutput output) {
		createTable(server, table, "pk", "sk");
		assertThatException().isThrownBy(() -> run(server, table));
		assertReport(output, "has key schema [pk HASH S, sk RANGE B], the store needs [hkey HASH S, rkey RANGE B]",
				"with dynamodown.table");
	}

	@Test
	void missingCredentialsNameTheCredentialsProperties() {
		LevelDbException failure = new LevelDbException(ErrorCode.REQUEST_FAILED,
				"DescribeTable on table 'app' failed: SdkClientException: Unable to load credentials from any of the "
						+ "providers in the chain",
				SdkClientException.create("Unable to load credentials from any of the providers in the chain"));
		FailureAnalysis analysis = new LevelDbOpenFailureAnalyzer()
			.analyze(new LevelDbOpenException("app", "!", URI.create("http://127.0.0.1:8000"), "us-east-1", failure));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("at http://127.0.0.1:8000 (region us-east-1)")
			.contains("No AWS credentials were found");
		assertThat(analysis.getAction()).contains("dynamodown.credentials.access-key-id")
			.contains("dynamodown.credentials.secret-access-key");
	}

	private static void assertReport(CapturedOutput output, String description, String action) {
		assertThat(output).contains("APPLICATION FAILED TO START").contains(description).contains(action);
		assertThat(output.getAll().lines().filter((line) -> line.startsWith("\tat "))).isEmpty();
	}

	private static void assertPropertyReport(CapturedOutput output, String property, String value, String rule) {
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: " + property)
			.contains("Value: " + value)
			.contains("Origin: \"" + property + "\" from property source \"commandLineArgs\"")
			.contains(rule);
		assertThat(output.getAll().lines().filter((line) -> line.startsWith("\tat "))).isEmpty();
	}

	/**
	 * Runs against the test run's server, standing for one the application reaches over
	 * the network; its own log lines would not be in the application's console.
	 */
	private static void run(EmbeddedDynamoDb server, TestTable table, String... args) {
		run(Stream.concat(Stream.of("--dynamodown.table=" + table, "--dynamodown.region=us-east-1",
				"--dynamodown.endpoint=" + server.endpoint(), "--dynamodown.credentials.access-key-id=local",
				"--dynamodown.credentials.secret-access-key=local"), Stream.of(args))
			.toArray(String[]::new));
	}

	private static void createTable(EmbeddedDynamoDb server, TestTable table, String hash, String range) {
		server.client()
			.createTable((request) -> request.tableName(table.name())
				.keySchema((key) -> key.attributeName(hash).keyType(KeyType.HASH),
						(key) -> key.attributeName(range).keyType(KeyType.RANGE))
				.attributeDefinitions((attribute) -> attribute.attributeName(hash).attributeType(ScalarAttributeType.S),
						(attribute) -> attribute.attributeName(range).attributeType(ScalarAttributeType.B))
				.billingMode(BillingMode.PAY_PER_REQUEST));
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ EmbeddedDynamoDbAutoConfiguration.class, LevelDbAutoConfiguration.class })
	static class TestApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	@ImportAutoConfiguration({ EmbeddedDynamoDbAutoConfiguration.class, LevelDbAutoConfiguration.class,
			LevelDbCacheAutoConfiguration.class, CacheAutoConfiguration.class })
	static class CacheApplication {

	}

}
