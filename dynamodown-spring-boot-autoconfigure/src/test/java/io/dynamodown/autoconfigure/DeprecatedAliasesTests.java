package io.dynamodown.autoconfigure;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.dynamodown.LevelDb;
import io.dynamodown.boot.autoconfigure.DynamoDbConnectionDetails;
import io.dynamodown.boot.autoconfigure.cache.LevelDbCacheAutoConfiguration;
import io.dynamodown.cache.CacheValueSerializer;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import io.dynamodown.embedded.junit.EmbeddedDynamoDbTest;
import io.dynamodown.health.LevelDbHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that code and configuration written for the names the starter's types had before
 * they moved under {@code io.dynamodown.boot} keep working through the deprecated
 * aliases.
 */
@EmbeddedDynamoDbTest
@SuppressWarnings("removal")
class DeprecatedAliasesTests {

	private static final AtomicInteger tables = new AtomicInteger();

	private final EmbeddedDynamoDb server;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration.class))
		.withPropertyValues("dynamodown.table=aliases-" + tables.incrementAndGet());

	DeprecatedAliasesTests(EmbeddedDynamoDb server) {
		this.server = server;
	}

	private ApplicationContextRunner withServerProperties() {
		return this.contextRunner.withPropertyValues("dynamodown.region=us-east-1",
				"dynamodown.endpoint=" + this.server.endpoint(), "dynamodown.credentials.access-key-id=local",
				"dynamodown.credentials.secret-access-key=local");
	}

	@Test
	void beanImplementingTheOldConnectionDetailsConnectsTheStarterClient() {
		LevelDbConnectionDetails details = new ServerConnectionDetails(this.server.endpoint());
		this.contextRunner.withBean(LevelDbConnectionDetails.class, () -> details).run((context) -> {
			assertThat(context.getBean(DynamoDbConnectionDetails.class)).isSameAs(details);
			LevelDb db = context.getBean(LevelDb.class);
			db.put(bytes("k"), bytes("v"));
			assertThat(this.server.client().listTables().tableNames()).contains(db.table());
		});
	}

	@Test
	void starterConnectionDetailsAreInjectableByTheOldType() {
		withServerProperties().run((context) -> assertThat(context.getBean(LevelDbConnectionDetails.class))
			.isSameAs(context.getBean(DynamoDbConnectionDetails.class))
			.satisfies((details) -> assertThat(details.getEndpoint()).isEqualTo(this.server.endpoint())));
	}

	@Test
	void embeddedServerConnectionDetailsAreInjectableByTheOldType() {
		this.contextRunner
			.withConfiguration(AutoConfigurations
				.of(io.dynamodown.boot.autoconfigure.embedded.EmbeddedDynamoDbAutoConfiguration.class))
			.withPropertyValues("dynamodown.embedded.enabled=true")
			.run((context) -> assertThat(context.getBean(LevelDbConnectionDetails.class).getEndpoint())
				.isEqualTo(context.getBean(EmbeddedDynamoDb.class).endpoint()));
	}

	@Test
	void customizersOfTheOldTypesAreApplied() {
		AtomicBoolean clientCustomized = new AtomicBoolean();
		AtomicBoolean storeCustomized = new AtomicBoolean();
		withServerProperties()
			.withBean(DynamoDbClientBuilderCustomizer.class, () -> (builder) -> clientCustomized.set(true))
			.withBean(LevelDbBuilderCustomizer.class, () -> (builder) -> storeCustomized.set(true))
			.run((context) -> {
				assertThat(context).hasSingleBean(LevelDb.class);
				assertThat(clientCustomized).isTrue();
				assertThat(storeCustomized).isTrue();
			});
	}

	@Test
	void excludingTheOldNameByPropertyExcludesTheAutoConfiguration() {
		new ApplicationContextRunner().withUserConfiguration(AutoConfiguredApplication.class)
			.withPropertyValues("spring.autoconfigure.exclude=io.dynamodown.autoconfigure.LevelDbAutoConfiguration")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LevelDb.class));
	}

	@Test
	void excludingTheOldClassExcludesTheAutoConfiguration() {
		new ApplicationContextRunner().withUserConfiguration(ApplicationExcludingTheOldClass.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LevelDb.class));
	}

	@Test
	void importingTheOldClassImportsTheAutoConfiguration() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LevelDbAutoConfiguration.class))
			.withPropertyValues("dynamodown.table=aliases-imported", "dynamodown.region=us-east-1",
					"dynamodown.endpoint=" + this.server.endpoint(), "dynamodown.credentials.access-key-id=local",
					"dynamodown.credentials.secret-access-key=local")
			.run((context) -> assertThat(context).hasSingleBean(LevelDb.class));
	}

	@Test
	void oldHealthIndicatorChecksTheStore() {
		withServerProperties().run((context) -> {
			LevelDb db = context.getBean(LevelDb.class);
			assertThat(new LevelDbHealthIndicator(db).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void cacheValueSerializerOfTheOldTypeReplacesTheDefault() {
		CacheValueSerializer serializer = new CacheValueSerializer() {

			@Override
			public byte[] serialize(Object value) {
				return bytes(String.valueOf(value));
			}

			@Override
			public Object deserialize(byte[] bytes) {
				return new String(bytes, StandardCharsets.UTF_8);
			}

		};
		withServerProperties().withConfiguration(AutoConfigurations.of(LevelDbCacheAutoConfiguration.class))
			.withPropertyValues("dynamodown.cache.enabled=true")
			.withBean(CacheValueSerializer.class, () -> serializer)
			.run((context) -> assertThat(context.getBean(io.dynamodown.boot.cache.CacheValueSerializer.class))
				.isSameAs(serializer));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class AutoConfiguredApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = LevelDbAutoConfiguration.class)
	static class ApplicationExcludingTheOldClass {

	}

	/**
	 * Connection details as an application wrote them before the rename.
	 */
	private static final class ServerConnectionDetails implements LevelDbConnectionDetails {

		private final URI endpoint;

		ServerConnectionDetails(URI endpoint) {
			this.endpoint = endpoint;
		}

		@Override
		public URI getEndpoint() {
			return this.endpoint;
		}

		@Override
		public String getRegion() {
			return "us-east-1";
		}

		@Override
		public Credentials getCredentials() {
			return new Credentials("local", "local");
		}

	}

}
