package io.dynamodown.boot.test.context;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.dynamodown.LevelDb;
import io.dynamodown.boot.autoconfigure.DynamoDbConnectionDetails;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import io.dynamodown.boot.autoconfigure.embedded.EmbeddedDynamoDbAutoConfiguration;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link SharedEmbeddedDynamoDbContextCustomizer} on contexts built by hand:
 * which contexts use the shared server, and that a context neither starts it needlessly
 * nor stops it.
 */
class SharedEmbeddedDynamoDbContextCustomizerTests {

	private static final EmbeddedDynamoDb applicationServer = EmbeddedDynamoDb.start();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(EmbeddedDynamoDbAutoConfiguration.class, LevelDbAutoConfiguration.class))
		.withInitializer((context) -> new SharedEmbeddedDynamoDbContextCustomizerFactory()
			.createContextCustomizer(getClass(), List.of())
			.customizeContext(context, null));

	@AfterAll
	static void stopApplicationServer() {
		applicationServer.close();
	}

	@Test
	void contextThatEnablesTheEmbeddedServerUsesTheSharedOneInsteadOfItsOwn() {
		this.contextRunner.withPropertyValues("dynamodown.embedded.enabled=true", "dynamodown.table=customized")
			.run((context) -> {
				assertThat(context).getBeans(EmbeddedDynamoDb.class)
					.containsOnlyKeys(SharedEmbeddedDynamoDbContextCustomizer.SERVER_BEAN_NAME);
				assertThat(context.getBean(EmbeddedDynamoDb.class)).isSameAs(SharedEmbeddedDynamoDb.server());
				assertThat(context).getBeans(DynamoDbConnectionDetails.class)
					.containsOnlyKeys(SharedEmbeddedDynamoDbContextCustomizer.CONNECTION_DETAILS_BEAN_NAME);
				assertThat(context.getBean(DynamoDbConnectionDetails.class).getEndpoint())
					.isEqualTo(SharedEmbeddedDynamoDb.server().endpoint());
			});
	}

	@Test
	void eachContextConnectsWithAnAccessKeyIdOfItsOwn() {
		String[] accessKeyIds = new String[2];
		this.contextRunner.withPropertyValues("dynamodown.embedded.enabled=true", "dynamodown.table=customized")
			.run((context) -> accessKeyIds[0] = accessKeyId(context.getBean(DynamoDbConnectionDetails.class)));
		this.contextRunner.withPropertyValues("dynamodown.embedded.enabled=true", "dynamodown.table=customized")
			.run((context) -> accessKeyIds[1] = accessKeyId(context.getBean(DynamoDbConnectionDetails.class)));
		assertThat(accessKeyIds).doesNotContainNull().doesNotHaveDuplicates();
	}

	@Test
	void closingAContextLeavesTheSharedServerAndTheContextsDataInPlace() {
		String[] accessKeyId = new String[1];
		this.contextRunner.withPropertyValues("dynamodown.embedded.enabled=true", "dynamodown.table=outlives")
			.run((context) -> {
				context.getBean(LevelDb.class).put(bytes("k"), bytes("v"));
				accessKeyId[0] = accessKeyId(context.getBean(DynamoDbConnectionDetails.class));
			});
		EmbeddedDynamoDb server = SharedEmbeddedDynamoDb.server();
		try (DynamoDbClient client = DynamoDbClient.builder()
			.endpointOverride(server.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId[0], "any")))
			.build()) {
			assertThat(client.listTables().tableNames()).containsExactly("outlives");
		}
	}

	@Test
	void contextWhoseApplicationDefinesItsOwnClientCreatesNeitherSharedBean() {
		this.contextRunner.withPropertyValues("dynamodown.embedded.enabled=true", "dynamodown.table=own-client")
			.withBean("userClient", DynamoDbClient.class, () -> applicationServer.clientBuilder().build())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(LevelDb.class).put(bytes("k"), bytes("v"));
				assertThat(applicationServer.client().listTables().tableNames()).contains("own-client");
				assertThat(context.getBeanFactory()
					.containsSingleton(SharedEmbeddedDynamoDbContextCustomizer.SERVER_BEAN_NAME)).isFalse();
				assertThat(context.getBeanFactory()
					.containsSingleton(SharedEmbeddedDynamoDbContextCustomizer.CONNECTION_DETAILS_BEAN_NAME)).isFalse();
			});
	}

	@Test
	void contextWithoutTheEmbeddedServerIsLeftAlone() {
		this.contextRunner.withPropertyValues("dynamodown.table=plain")
			.withBean("userClient", DynamoDbClient.class, () -> applicationServer.clientBuilder().build())
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedDynamoDb.class)
				.doesNotHaveBean(SharedEmbeddedDynamoDbContextCustomizer.CONNECTION_DETAILS_BEAN_NAME));
	}

	@Test
	void contextWithAnOnDiskServerGetsItsOwn(@TempDir Path directory) {
		this.contextRunner
			.withPropertyValues("dynamodown.embedded.enabled=true", "dynamodown.table=on-disk",
					"dynamodown.embedded.path=" + directory)
			.run((context) -> {
				assertThat(context).getBeans(EmbeddedDynamoDb.class).containsOnlyKeys("embeddedDynamoDb");
				assertThat(context.getBean(EmbeddedDynamoDb.class).directory()).isEqualTo(directory);
			});
	}

	@Test
	void contextWithAFixedPortGetsItsOwnServer() {
		int port = applicationServer.port();
		this.contextRunner
			.withPropertyValues("dynamodown.embedded.enabled=true", "dynamodown.table=fixed-port",
					"dynamodown.embedded.port=" + port)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("dynamodown.embedded.port"));
	}

	private static String accessKeyId(DynamoDbConnectionDetails details) {
		return details.getCredentials().accessKeyId();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
