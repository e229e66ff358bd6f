package io.dynamodown.boot.autoconfigure;

import io.dynamodown.LevelDbBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that invalid {@code dynamodown.*} properties fail startup with a failure analysis
 * naming the property and the rule. No request is made: validation runs first.
 */
class DynamoDownPropertiesValidationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LevelDbAutoConfiguration.class))
		.withPropertyValues("dynamodown.region=us-east-1", "dynamodown.endpoint=http://127.0.0.1:1");

	@Test
	void tooShortTableNameFails() {
		assertFailure("Property: dynamodown.table", "3 to 255 characters of [a-zA-Z0-9_.-]", "dynamodown.table=ab");
	}

	@Test
	void tableNameWithInvalidCharacterFails() {
		assertFailure("Value: my table", "dynamodown.table must be 3 to 255 characters", "dynamodown.table=my table");
	}

	@Test
	void missingTableFails() {
		assertFailure("Value: (not set)", "dynamodown.table must be set");
	}

	@Test
	void negativeReadCapacityFails() {
		assertFailure("Property: dynamodown.read-capacity", "must not be negative", "dynamodown.table=valid",
				"dynamodown.read-capacity=-1");
	}

	@Test
	void concurrencyBelowOneFails() {
		assertFailure("Property: dynamodown.concurrency", "must be at least 1", "dynamodown.table=valid",
				"dynamodown.concurrency=0");
	}

	@Test
	void zeroTimeoutFails() {
		assertFailure("Property: dynamodown.timeout", "must be a positive duration", "dynamodown.table=valid",
				"dynamodown.timeout=0s");
	}

	@Test
	void attemptTimeoutLongerThanTimeoutFails() {
		assertFailure("Property: dynamodown.attempt-timeout", "must not be longer than dynamodown.timeout (1s)",
				"dynamodown.table=valid", "dynamodown.timeout=1s", "dynamodown.attempt-timeout=3s");
	}

	@Test
	void negativeWriteCapacityFails() {
		assertFailure("Property: dynamodown.write-capacity", "must not be negative", "dynamodown.table=valid",
				"dynamodown.write-capacity=-5");
	}

	@Test
	void provisionedWithoutCapacitiesReportsTheReadCapacityAsNotSet() {
		assertFailure("Property: dynamodown.read-capacity\n    Value: (not set)",
				"must be set when dynamodown.billing-mode is 'provisioned'", "dynamodown.table=valid",
				"dynamodown.billing-mode=provisioned");
	}

	@Test
	void readCapacityAloneReportsTheWriteCapacityAsNotSet() {
		assertFailure("Property: dynamodown.write-capacity\n    Value: (not set)",
				"must be set when dynamodown.read-capacity is set", "dynamodown.table=valid",
				"dynamodown.read-capacity=5");
	}

	@Test
	void writeCapacityAloneReportsTheReadCapacityAsNotSet() {
		assertFailure("Property: dynamodown.read-capacity\n    Value: (not set)",
				"must be set when dynamodown.write-capacity is set", "dynamodown.table=valid",
				"dynamodown.write-capacity=5");
	}

	@Test
	void zeroWriteCapacityBesideAReadCapacityIsReportedWithItsValue() {
		assertFailure("Property: dynamodown.write-capacity\n    Value: 0", "must be at least 1 for provisioned billing",
				"dynamodown.table=valid", "dynamodown.read-capacity=5", "dynamodown.write-capacity=0");
	}

	@Test
	void onDemandWithCapacitiesFails() {
		assertFailure("Property: dynamodown.billing-mode", "must be 'provisioned'", "dynamodown.table=valid",
				"dynamodown.billing-mode=on-demand", "dynamodown.read-capacity=5", "dynamodown.write-capacity=5");
	}

	@Test
	void emptyAttributeNameFails() {
		assertFailure("Property: dynamodown.attribute-names.sort-key", "must be 1 to 255 bytes of UTF-8",
				"dynamodown.table=valid", "dynamodown.attribute-names.sort-key=");
	}

	@Test
	void sameAttributeNameTwiceFails() {
		assertFailure("Property: dynamodown.attribute-names", "must be five different names", "dynamodown.table=valid",
				"dynamodown.attribute-names.value=hkey");
	}

	@Test
	void negativeCloseTimeoutFails() {
		assertFailure("Property: dynamodown.close-timeout", "must not be negative", "dynamodown.table=valid",
				"dynamodown.close-timeout=-1s");
	}

	@Test
	void zeroActiveTimeoutFails() {
		assertFailure("Property: dynamodown.active-timeout", "must be a positive duration", "dynamodown.table=valid",
				"dynamodown.active-timeout=0s");
	}

	@Test
	void zeroMaxAttemptsFails() {
		assertFailure("Property: dynamodown.retry.max-attempts", "must be at least 1", "dynamodown.table=valid",
				"dynamodown.retry.max-attempts=0");
	}

	@Test
	void maxDelayShorterThanBaseDelayFails() {
		assertFailure("Property: dynamodown.retry.max-delay", "must not be shorter than dynamodown.retry.base-delay",
				"dynamodown.table=valid", "dynamodown.retry.base-delay=2s", "dynamodown.retry.max-delay=1s");
	}

	@Test
	void compressionLevelOutOfRangeFails() {
		assertFailure("Property: dynamodown.compression.level", "must be 1 (fastest) to 9 (smallest)",
				"dynamodown.table=valid", "dynamodown.compression.level=12");
	}

	@Test
	void zeroMaxValueSizeFails() {
		assertFailure("Property: dynamodown.max-value-size",
				"must be 1 to " + LevelDbBuilder.MAX_VALUE_SIZE_LIMIT + " bytes", "dynamodown.table=valid",
				"dynamodown.max-value-size=0");
	}

	@Test
	void zeroReadBudgetFails() {
		assertFailure("Property: dynamodown.read-budget", "must be 1 to " + Integer.MAX_VALUE + " bytes",
				"dynamodown.table=valid", "dynamodown.read-budget=0");
	}

	@Test
	void unknownCompressionCodecFailsBinding() {
		this.contextRunner.withPropertyValues("dynamodown.table=valid", "dynamodown.compression.codec=zip")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("dynamodown.compression.codec");
			});
	}

	@Test
	void unknownBillingModeFailsBinding() {
		this.contextRunner.withPropertyValues("dynamodown.table=valid", "dynamodown.billing-mode=free")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("free");
				assertThat(context.getStartupFailure()).hasStackTraceContaining("dynamodown.billing-mode");
			});
	}

	private void assertFailure(String property, String rule, String... properties) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidDynamoDownPropertyFailureAnalyzer(null)
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(property).contains(rule);
			assertThat(analysis.getAction()).containsPattern("^(Set|Correct the value of) dynamodown\\.")
				.endsWith("following the reason above.")
				.doesNotContain(rule);
		});
	}

}
