package io.dynamodown.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the store retries what DynamoDB left undone (unprocessed items and keys, cancelled
 * transactions): exponential back-off with full jitter, bounded by attempts and by an
 * overall deadline. A store checks a policy when it is given one
 * ({@code LevelDbOptions.Builder.retryPolicy}). Throttling and server errors of single
 * requests are retried by the SDK client's own retry strategy.
 *
 * @param maxAttempts the most attempts of one request, the first included (at least 1)
 * @param baseDelay the back-off before the first retry, doubled for each further one
 * @param maxDelay the longest back-off between two attempts
 * @param deadline the longest time spent retrying one operation
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {

	/** The default most attempts of one request: 10. */
	public static final int DEFAULT_MAX_ATTEMPTS = 10;

	/** The default back-off before the first retry: 25 ms. */
	public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(25);

	/** The default longest back-off between two attempts: 1 s. */
	public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(1);

	/** The default longest time spent retrying one operation: 30 s. */
	public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

	/** The default: 10 attempts, 25 ms doubling up to 1 s, 30 s overall. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_DELAY,
			DEFAULT_MAX_DELAY, DEFAULT_DEADLINE);

	/**
	 * The back-off before an attempt: a random duration between zero and
	 * {@code min(maxDelay, baseDelay * 2^(attempt - 2))} ("full jitter").
	 * @param attempt the attempt about to be made, 2 or more
	 * @return the delay to wait
	 */
	public Duration delayBefore(int attempt) {
		long base = this.baseDelay.toNanos();
		int doublings = Math.min(Math.max(attempt - 2, 0), 30);
		long ceiling = Math.min(this.maxDelay.toNanos(), (base << doublings < 0) ? Long.MAX_VALUE : base << doublings);
		return Duration.ofNanos((ceiling <= 0) ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
	}

}
