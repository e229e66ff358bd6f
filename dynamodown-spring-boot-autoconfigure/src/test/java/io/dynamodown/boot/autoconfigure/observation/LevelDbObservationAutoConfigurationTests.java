package io.dynamodown.boot.autoconfigure.observation;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import io.dynamodown.LevelDb;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import io.dynamodown.embedded.junit.EmbeddedDynamoDbTest;
import io.dynamodown.observation.StoreObservationContext;
import io.dynamodown.observation.StoreObservationConvention;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store built by {@link LevelDbAutoConfiguration} is observed in the context's
 * {@link ObservationRegistry}, with the context's {@link StoreObservationConvention} when
 * there is one.
 */
@EmbeddedDynamoDbTest
class LevelDbObservationAutoConfigurationTests {

	private static final AtomicInteger tables = new AtomicInteger();

	private final ApplicationContextRunner contextRunner;

	LevelDbObservationAutoConfigurationTests(EmbeddedDynamoDb server) {
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LevelDbAutoConfiguration.class))
			.withPropertyValues("dynamodown.table=observed-" + tables.incrementAndGet(), "dynamodown.region=us-east-1",
					"dynamodown.endpoint=" + server.endpoint(), "dynamodown.credentials.access-key-id=local",
					"dynamodown.credentials.secret-access-key=local");
	}

	@Test
	void storeIsObservedInTheContextsRegistry() {
		this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			assertThat(context).hasBean("dynamodownObservationCustomizer");
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			registry.clear();
			context.getBean(LevelDb.class).put(bytes("k"), bytes("v"));
			TestObservationRegistryAssert.assertThat(registry)
				.hasSingleObservationThat()
				.hasNameEqualTo("dynamodown.operation")
				.hasLowCardinalityKeyValue("db.operation.name", "put");
		});
	}

	@Test
	void usersConventionReplacesTheDefault() {
		StoreObservationConvention convention = new StoreObservationConvention() {

			@Override
			public String getName() {
				return "app.store";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(StoreObservationContext context) {
				return KeyValues.of("op", context.operation());
			}

		};
		this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withBean(StoreObservationConvention.class, () -> convention)
			.run((context) -> {
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				registry.clear();
				context.getBean(LevelDb.class).get(bytes("k"));
				TestObservationRegistryAssert.assertThat(registry)
					.hasSingleObservationThat()
					.hasNameEqualTo("app.store")
					.hasLowCardinalityKeyValue("op", "get")
					.doesNotHaveLowCardinalityKeyValueWithKey("db.system.name");
			});
	}

	@Test
	void withoutMicrometerObservationTheStoreStillStarts() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class)).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(LevelDb.class);
			assertThat(context).doesNotHaveBean("dynamodownObservationCustomizer");
			context.getBean(LevelDb.class).put(bytes("k"), bytes("v"));
		});
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
