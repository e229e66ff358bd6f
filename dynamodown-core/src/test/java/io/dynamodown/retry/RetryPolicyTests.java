package io.dynamodown.retry;

import java.time.Duration;

import io.dynamodown.InvalidOptionException;
import io.dynamodown.LevelDbOptions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Back-off with full jitter.
 */
class RetryPolicyTests {

	@Test
	void delaysStayWithinTheExponentialCeiling() {
		RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(1));
		for (int i = 0; i < 1000; i++) {
			assertThat(policy.delayBefore(2)).isBetween(Duration.ZERO, Duration.ofMillis(10));
			assertThat(policy.delayBefore(3)).isBetween(Duration.ZERO, Duration.ofMillis(20));
			assertThat(policy.delayBefore(40)).isBetween(Duration.ZERO, Duration.ofMillis(100));
		}
	}

	@Test
	void invalidPoliciesAreRefusedByTheStoreOptions() {
		assertThatExceptionOfType(InvalidOptionException.class).isThrownBy(() -> LevelDbOptions.builder()
			.retryPolicy(new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1))));
		assertThatExceptionOfType(InvalidOptionException.class).isThrownBy(() -> LevelDbOptions.builder()
			.retryPolicy(new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1))));
	}

}
