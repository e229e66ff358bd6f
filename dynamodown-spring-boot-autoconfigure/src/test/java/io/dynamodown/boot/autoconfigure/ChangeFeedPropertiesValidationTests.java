package io.dynamodown.boot.autoconfigure;

import io.dynamodown.boot.autoconfigure.changes.LevelDbChangesAutoConfiguration;
import io.dynamodown.boot.changes.LevelDbChangeListener;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import io.dynamodown.embedded.junit.EmbeddedDynamoDbTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that an invalid {@code dynamodown.changes.*} property, or a missing consumer
 * name, fails startup with a failure analysis naming the property: the core refuses the
 * option, the starter names the property set for it.
 */
@EmbeddedDynamoDbTest
class ChangeFeedPropertiesValidationTests {

	private final ApplicationContextRunner contextRunner;

	ChangeFeedPropertiesValidationTests(EmbeddedDynamoDb server) {
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LevelDbAutoConfiguration.class, LevelDbChangesAutoConfiguration.class))
			.withBean(LevelDbChangeListener.class, () -> (change) -> {
			})
			.withPropertyValues("dynamodown.table=change-properties", "dynamodown.region=us-east-1",
					"dynamodown.endpoint=" + server.endpoint(), "dynamodown.credentials.access-key-id=local",
					"dynamodown.credentials.secret-access-key=local");
	}

	@Test
	void consumerNameIsRequired() {
		assertFailure("dynamodown.changes.consumer", "must be set, or spring.application.name");
	}

	@Test
	void pollIntervalOutOfRangeIsNamed() {
		assertFailure("dynamodown.changes.poll-interval", "must be a duration of PT0.001S to PT5M",
				"spring.application.name=app", "dynamodown.changes.poll-interval=0ms");
	}

	@Test
	void batchSizeOutOfRangeIsNamed() {
		assertFailure("dynamodown.changes.batch-size", "must be 1 to 1000", "spring.application.name=app",
				"dynamodown.changes.batch-size=1001");
	}

	@Test
	void leaseDurationOutOfRangeIsNamed() {
		assertFailure("dynamodown.changes.lease-duration", "PT1H", "spring.application.name=app",
				"dynamodown.changes.lease-duration=2h");
	}

	@Test
	void handlerRetryIsNamedByItsPart() {
		assertFailure("dynamodown.changes.handler-retry.max-attempts", "at least 1", "spring.application.name=app",
				"dynamodown.changes.handler-retry.max-attempts=0");
	}

	@Test
	void anApplicationNameThatIsNoConsumerNameIsNamed() {
		this.contextRunner.withPropertyValues("spring.application.name=order service").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidDynamoDownPropertyFailureAnalyzer(null)
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("spring.application.name")
				.contains("order service")
				.contains("[A-Za-z0-9_.-]");
		});
	}

	private void assertFailure(String property, String rule, String... properties) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidDynamoDownPropertyFailureAnalyzer(null)
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Property: " + property).contains(rule);
		});
	}

}
