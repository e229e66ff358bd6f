package io.dynamodown.boot.autoconfigure.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.dynamodown.LevelDb;
import io.dynamodown.boot.autoconfigure.DynamoDbConnectionDetails;
import io.dynamodown.boot.autoconfigure.InvalidDynamoDownPropertyException;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EmbeddedDynamoDbAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDynamoDbAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(EmbeddedDynamoDbAutoConfiguration.class, LevelDbAutoConfiguration.class))
		.withPropertyValues("dynamodown.table=embedded");

	@Test
	void embeddedServerIsStartedAndUsedWhenEnabled() {
		this.contextRunner.withPropertyValues("dynamodown.embedded.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(EmbeddedDynamoDb.class);
			EmbeddedDynamoDb server = context.getBean(EmbeddedDynamoDb.class);
			DynamoDbConnectionDetails details = context.getBean(DynamoDbConnectionDetails.class);
			assertThat(details.getEndpoint()).isEqualTo(server.endpoint());
			assertThat(details.getRegion()).isEqualTo("us-east-1");
			LevelDb db = context.getBean(LevelDb.class);
			db.put(bytes("k"), bytes("v"));
			assertThat(db.get(bytes("k"))).isPresent();
			assertThat(server.client().listTables().tableNames()).contains("embedded");
		});
	}

	@Test
	void embeddedServerRefusesRequestsNotSignedWithItsOwnCredentials() {
		this.contextRunner.withPropertyValues("dynamodown.embedded.enabled=true").run((context) -> {
			EmbeddedDynamoDb server = context.getBean(EmbeddedDynamoDb.class);
			context.getBean(LevelDb.class).put(bytes("k"), bytes("v"));
			try (DynamoDbClient stranger = server.clientBuilder()
				.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "other")))
				.build()) {
				assertThatExceptionOfType(DynamoDbException.class).isThrownBy(stranger::listTables)
					.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode())
						.isEqualTo("UnrecognizedClientException"));
			}
			try (DynamoDbClient wrongSecret = server.clientBuilder()
				.credentialsProvider(StaticCredentialsProvider
					.create(AwsBasicCredentials.create(server.accessKeyId(), "not-the-secret")))
				.build()) {
				assertThatExceptionOfType(DynamoDbException.class).isThrownBy(wrongSecret::listTables)
					.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode())
						.isEqualTo("InvalidSignatureException"));
			}
			assertThat(server.client().listTables().tableNames()).containsExactly("embedded");
		});
	}

	@Test
	void embeddedServerAcceptsAnyCredentialsWhenSignaturesAreNotRequired() {
		this.contextRunner
			.withPropertyValues("dynamodown.embedded.enabled=true", "dynamodown.embedded.require-signature=false")
			.run((context) -> {
				EmbeddedDynamoDb server = context.getBean(EmbeddedDynamoDb.class);
				context.getBean(LevelDb.class).put(bytes("k"), bytes("v"));
				try (DynamoDbClient anyone = server.clientBuilder()
					.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any")))
					.build()) {
					assertThat(anyone.listTables().tableNames()).containsExactly("embedded");
				}
			});
	}

	@Test
	void oneLineNamesTheEndpointAndNoRequestIsLogged(CapturedOutput output) {
		this.contextRunner.withPropertyValues("dynamodown.embedded.enabled=true").run((context) -> {
			context.getBean(LevelDb.class).put(bytes("k"), bytes("v"));
			EmbeddedDynamoDb server = context.getBean(EmbeddedDynamoDb.class);
			assertThat(output)
				.containsOnlyOnce("Embedded DynamoDB server (dynamodown.embedded) started at " + server.endpoint()
						+ ", data in memory (lost when it stops; set dynamodown.embedded.path to keep it)");
			assertThat(output).doesNotContain("target: PutItem").doesNotContain("non-existent table");
		});
	}

	@Test
	void onDiskDataSurvivesARestartOfTheApplication(@TempDir Path directory) {
		ApplicationContextRunner onDisk = this.contextRunner.withPropertyValues("dynamodown.embedded.enabled=true",
				"dynamodown.embedded.path=" + directory.resolve("data"));
		onDisk.run((context) -> {
			assertThat(context.getBean(EmbeddedDynamoDb.class).directory()).isEqualTo(directory.resolve("data"));
			context.getBean(LevelDb.class).put(bytes("kept"), bytes("across restarts"));
		});
		onDisk.run((context) -> assertThat(context.getBean(LevelDb.class).get(bytes("kept")))
			.hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("across restarts"))));
	}

	@Test
	void embeddedServerIsNotStartedWhenTheApplicationDefinesItsOwnClient(CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EmbeddedDynamoDbAutoConfiguration.class))
			.withPropertyValues("dynamodown.embedded.enabled=true")
			.withBean("userClient", DynamoDbClient.class, EmbeddedDynamoDbAutoConfigurationTests::unusedClient)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(EmbeddedDynamoDb.class)
					.doesNotHaveBean(DynamoDbConnectionDetails.class);
				assertThat(output).containsOnlyOnce("Embedded DynamoDB server (dynamodown.embedded) not started: "
						+ "the application defines its own DynamoDbClient [userClient], which the store uses instead")
					.doesNotContain("started at");
			});
	}

	@Test
	void embeddedServerListensOnAFreePortByDefault() {
		this.contextRunner.withPropertyValues("dynamodown.embedded.enabled=true")
			.run((context) -> assertThat(context.getBean(EmbeddedDynamoDb.class).port()).isPositive());
	}

	@Test
	void embeddedServerListensOnTheConfiguredPort() throws IOException {
		int port = freePort();
		this.contextRunner.withPropertyValues("dynamodown.embedded.enabled=true", "dynamodown.embedded.port=" + port)
			.run((context) -> {
				EmbeddedDynamoDb server = context.getBean(EmbeddedDynamoDb.class);
				assertThat(server.port()).isEqualTo(port);
				assertThat(context.getBean(DynamoDbConnectionDetails.class).getEndpoint())
					.isEqualTo(URI.create("http://127.0.0.1:" + port));
				context.getBean(LevelDb.class).put(bytes("k"), bytes("v"));
			});
	}

	@Test
	void embeddedPortInUseIsReportedWithTheProperty() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.contextRunner
				.withPropertyValues("dynamodown.embedded.enabled=true",
						"dynamodown.embedded.port=" + taken.getLocalPort())
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.isInstanceOfSatisfying(InvalidDynamoDownPropertyException.class, (ex) -> {
						assertThat(ex.getProperty()).isEqualTo("dynamodown.embedded.port");
						assertThat(ex.getValue()).isEqualTo(String.valueOf(taken.getLocalPort()));
					}));
		}
	}

	@Test
	void embeddedPortOutOfRangeIsReportedWithTheProperty() {
		this.contextRunner.withPropertyValues("dynamodown.embedded.enabled=true", "dynamodown.embedded.port=70000")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidDynamoDownPropertyException.class,
						(ex) -> assertThat(ex.getRule()).isEqualTo("must be 0 (a free port) to 65535")));
	}

	@Test
	void embeddedServerIsNotStartedByDefault() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EmbeddedDynamoDbAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedDynamoDb.class)
				.doesNotHaveBean(DynamoDbConnectionDetails.class));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static DynamoDbClient unusedClient() {
		return DynamoDbClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:1"))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("unused", "unused")))
			.build();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
