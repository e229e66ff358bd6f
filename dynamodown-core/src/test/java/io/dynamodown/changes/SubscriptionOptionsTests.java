package io.dynamodown.changes;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change feed's options: defaults and copies (subscribe checks them:
 * {@code SubscriptionOptionsCheckTests}).
 */
class SubscriptionOptionsTests {

	@Test
	void defaultsStartFromNowAndPollEverySecond() {
		SubscriptionOptions options = SubscriptionOptions.DEFAULT;
		assertThat(options.startPosition()).isEqualTo(StartPosition.LATEST);
		assertThat(options.pollInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.batchSize()).isEqualTo(100);
		assertThat(options.leaseDuration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.renewInterval()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void eachWithChangesOneOption() {
		SubscriptionOptions options = SubscriptionOptions.DEFAULT.withStartPosition(StartPosition.TRIM_HORIZON)
			.withPollInterval(Duration.ofMillis(50))
			.withBatchSize(1000)
			.withLeaseDuration(Duration.ofSeconds(3));
		assertThat(options).isEqualTo(new SubscriptionOptions(StartPosition.TRIM_HORIZON, Duration.ofMillis(50), 1000,
				Duration.ofSeconds(3), SubscriptionOptions.DEFAULT_HANDLER_RETRY));
	}

}
