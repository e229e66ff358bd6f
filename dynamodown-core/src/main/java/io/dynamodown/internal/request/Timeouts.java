package io.dynamodown.internal.request;

import java.time.Duration;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * The deadlines of every request a store sends: each attempt, and the whole call with the
 * SDK's retries.
 *
 * @param attempt the longest one attempt may take
 * @param total the longest one request may take, the SDK's retries included
 */
public record Timeouts(Duration attempt, Duration total) {

	/** The default attempt timeout. */
	public static final Duration DEFAULT_ATTEMPT = Duration.ofSeconds(2);

	/** The default total timeout. */
	public static final Duration DEFAULT_TOTAL = Duration.ofSeconds(10);

	/**
	 * Checks a pair of timeouts: both positive, the attempt timeout not longer than the
	 * total.
	 * @param attempt the attempt timeout
	 * @param total the total timeout
	 * @return the timeouts
	 * @throws StoreFailure {@link Kind#INVALID_ARGUMENT} naming the timeout and its value
	 */
	public static Timeouts of(@Nullable Duration attempt, @Nullable Duration total) {
		Duration checkedTotal = positive(total, "timeout");
		Duration checkedAttempt = positive(attempt, "attemptTimeout");
		if (checkedAttempt.compareTo(checkedTotal) > 0) {
			throw new StoreFailure(Kind.INVALID_ARGUMENT, "attemptTimeout (" + checkedAttempt
					+ ") must not be longer than timeout (" + checkedTotal + "), the whole request with its retries");
		}
		return new Timeouts(checkedAttempt, checkedTotal);
	}

	private static Duration positive(@Nullable Duration timeout, String name) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new StoreFailure(Kind.INVALID_ARGUMENT, name + " must be a positive duration, was " + timeout);
		}
		return timeout;
	}

}
