package io.dynamodown.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the store retries what DynamoDB left undone (unprocessed items and keys, cancelled
 * transactions): exponential back-off with full jitter, bounded by attempts and by an
 * overall deadline. Throttling and server errors of single requests are retried by the
 * SDK client's own retry strategy.
 *
 * @param maxAttempts the most attempts of one request, the first included (at least 1)
 * @param baseDelay the back-off before the first retry, doubled for each further one
 * @param maxDelay the longest back-off between two attempts
 * @param deadline the longest time spent retrying one operation
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {

	/** The default: 10 attempts, 25 ms doubling up to 1 s, 30 s overall. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMillis(25), Duration.ofSeconds(1),
			Duration.ofSeconds(30));

	/**
	 * Creates a policy.
	 * @param maxAttempts the most attempts, at least 1
	 * @param baseDelay the first back-off, not negative
	 * @param maxDelay the longest back-off, not shorter than {@code baseDelay}
	 * @param deadline the longest time spent retrying, positive
	 */
	public RetryPolicy {
		Objects.requireNonNull(baseDelay, "'baseDelay' must not be null");
		Objects.requireNonNull(maxDelay, "'maxDelay' must not be null");
		Objects.requireNonNull(deadline, "'deadline' must not be null");
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("'maxAttempts' must be at least 1, was " + maxAttempts);
		}
		if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || deadline.isNegative() || deadline.isZero()) {
			throw new IllegalArgumentException("retry delays must satisfy 0 <= baseDelay (" + baseDelay
					+ ") <= maxDelay (" + maxDelay + ") and deadline (" + deadline + ") > 0");
		}
	}

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
