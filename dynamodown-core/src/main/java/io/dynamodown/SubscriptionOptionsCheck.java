package io.dynamodown;

import java.time.Duration;

import io.dynamodown.changes.SubscriptionOptions;
import org.jspecify.annotations.Nullable;

/**
 * Checks the options of a subscription before any request, as {@link LevelDbOptions}
 * checks a store's: an option out of range is an {@link InvalidOptionException} naming it
 * as a part of {@code options} ({@code options.batchSize}), its value and its rule.
 */
final class SubscriptionOptionsCheck {

	private SubscriptionOptionsCheck() {
	}

	/**
	 * Checks options.
	 * @param options the options
	 * @return the options
	 * @throws InvalidOptionException naming the first option that breaks its rule, or
	 * {@code options} when they are {@code null}
	 */
	static SubscriptionOptions check(@Nullable SubscriptionOptions options) {
		if (options == null) {
			throw new InvalidOptionException("options", null, "must not be null");
		}
		if (options.startPosition() == null) {
			throw new InvalidOptionException("options.startPosition", null, "must not be null");
		}
		within("options.pollInterval", options.pollInterval(), SubscriptionOptions.MIN_POLL_INTERVAL,
				SubscriptionOptions.MAX_POLL_INTERVAL);
		if (options.batchSize() < 1 || options.batchSize() > SubscriptionOptions.MAX_BATCH_SIZE) {
			throw new InvalidOptionException("options.batchSize", options.batchSize(),
					"must be 1 to " + SubscriptionOptions.MAX_BATCH_SIZE);
		}
		within("options.leaseDuration", options.leaseDuration(), SubscriptionOptions.MIN_LEASE_DURATION,
				SubscriptionOptions.MAX_LEASE_DURATION);
		LevelDbOptions.Builder.checkRetryPolicy("options.handlerRetry", options.handlerRetry());
		return options;
	}

	private static void within(String option, @Nullable Duration duration, Duration min, Duration max) {
		if (duration == null || duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
			throw new InvalidOptionException(option, duration, "must be a duration of " + min + " to " + max);
		}
	}

}
