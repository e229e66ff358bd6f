package io.dynamodown;

import java.time.Duration;

import io.dynamodown.changes.SubscriptionOptions;
import io.dynamodown.retry.RetryPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The options of a subscription are checked before any request, each refusal naming the
 * option, its value and its rule as data.
 */
class SubscriptionOptionsCheckTests {

	@Test
	void theDefaultsPass() {
		assertThat(SubscriptionOptionsCheck.check(SubscriptionOptions.DEFAULT)).isSameAs(SubscriptionOptions.DEFAULT);
	}

	@Test
	void eachOptionOutOfRangeIsNamedWithItsValue() {
		assertRefused(SubscriptionOptions.DEFAULT.withBatchSize(1001), "options.batchSize", 1001,
				"options.batchSize must be 1 to 1000, was 1001");
		assertRefused(SubscriptionOptions.DEFAULT.withBatchSize(0), "options.batchSize", 0,
				"options.batchSize must be 1 to 1000, was 0");
		assertRefused(SubscriptionOptions.DEFAULT.withPollInterval(Duration.ZERO), "options.pollInterval",
				Duration.ZERO, "options.pollInterval must be a duration of PT0.001S to PT5M, was PT0S");
		assertRefused(SubscriptionOptions.DEFAULT.withLeaseDuration(Duration.ofMillis(999)), "options.leaseDuration",
				Duration.ofMillis(999), "options.leaseDuration must be a duration of PT1S to PT1H, was PT0.999S");
		assertRefused(SubscriptionOptions.DEFAULT.withStartPosition(null), "options.startPosition", null,
				"options.startPosition must not be null, was null");
		assertRefused(
				SubscriptionOptions.DEFAULT
					.withHandlerRetry(new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1))),
				"options.handlerRetry.maxAttempts", 0, "options.handlerRetry.maxAttempts must be at least 1, was 0");
	}

	@Test
	void noOptionsAreRefused() {
		assertRefused(null, "options", null, "options must not be null, was null");
	}

	private static void assertRefused(SubscriptionOptions options, String option, Object value, String message) {
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> SubscriptionOptionsCheck.check(options))
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo(option))
			.satisfies((ex) -> assertThat(ex.rejectedValue()).isEqualTo(value))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
			.withMessage("INVALID_ARGUMENT: " + message);
	}

}
