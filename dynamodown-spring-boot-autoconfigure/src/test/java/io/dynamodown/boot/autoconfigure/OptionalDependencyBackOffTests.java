package io.dynamodown.boot.autoconfigure;

import io.dynamodown.LevelDb;
import io.dynamodown.boot.autoconfigure.embedded.EmbeddedDynamoDbAutoConfiguration;
import io.dynamodown.boot.autoconfigure.health.LevelDbHealthContributorAutoConfiguration;
import io.dynamodown.boot.autoconfigure.metrics.LevelDbMetricsAutoConfiguration;
import io.dynamodown.boot.micrometer.MicrometerRequestListener;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import io.dynamodown.embedded.junit.EmbeddedDynamoDbTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the store works and each optional part backs off when its optional
 * dependency is missing: Actuator, Micrometer, the embedded module, Testcontainers.
 */
@EmbeddedDynamoDbTest
class OptionalDependencyBackOffTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(EmbeddedDynamoDbAutoConfiguration.class, LevelDbAutoConfiguration.class,
						LevelDbHealthContributorAutoConfiguration.class, LevelDbMetricsAutoConfiguration.class))
		.withPropertyValues("dynamodown.table=backoff", "dynamodown.embedded.enabled=true");

	@Test
	void everyPartIsThereWithEveryDependency() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(LevelDb.class)
				.hasSingleBean(HealthContributor.class)
				.hasSingleBean(MicrometerRequestListener.class)
				.hasSingleBean(SanitizingFunction.class)
				.hasSingleBean(EmbeddedDynamoDb.class));
	}

	@Test
	void withoutActuatorThereIsNoHealthContributorNorSanitizingFunction() {
		this.contextRunner
			.withClassLoader(
					new FilteredClassLoader("org.springframework.boot.health", "org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasSingleBean(LevelDb.class)
				.doesNotHaveBean("dynamodownHealthContributor")
				.doesNotHaveBean("dynamodownSecretSanitizingFunction"));
	}

	@Test
	void withoutMicrometerThereIsNoListener() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(LevelDb.class)
				.doesNotHaveBean(MicrometerRequestListener.class));
	}

	@Test
	void withoutTheEmbeddedModuleAndNotEnabledTheStoreUsesTheProperties(EmbeddedDynamoDb server) {
		this.contextRunner.withClassLoader(new FilteredClassLoader(EmbeddedDynamoDb.class))
			.withPropertyValues("dynamodown.embedded.enabled=false", "dynamodown.region=us-east-1",
					"dynamodown.endpoint=" + server.endpoint(), "dynamodown.credentials.access-key-id=local",
					"dynamodown.credentials.secret-access-key=local")
			.run((context) -> {
				assertThat(context).hasSingleBean(LevelDb.class).doesNotHaveBean(EmbeddedDynamoDb.class);
				assertThat(context.getBean(DynamoDbConnectionDetails.class).getEndpoint()).isEqualTo(server.endpoint());
			});
	}

	@Test
	void withoutTheEmbeddedModuleButEnabledStartupFailsNamingTheModule() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(EmbeddedDynamoDb.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(EmbeddedModuleMissingException.class)
				.hasMessageContaining("io.dynamodown:dynamodown-embedded"));
	}

	@Test
	void withoutTestcontainersTheStoreStarts() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(GenericContainer.class, ServiceConnection.class))
			.run((context) -> assertThat(context).hasSingleBean(LevelDb.class));
	}

}
