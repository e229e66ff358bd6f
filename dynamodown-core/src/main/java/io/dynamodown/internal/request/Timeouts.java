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
			throw new StoreFailure(Kind.INVALID_ARGUMENT,
					"attemptTimeout (" + readable(checkedAttempt) + ") must not be longer than timeout ("
							+ readable(checkedTotal) + "), the whole request with its retries");
		}
		return new Timeouts(checkedAttempt, checkedTotal);
	}

	/**
	 * The timeouts of a request that makes one attempt: the attempt timeout bounds the
	 * whole request, which leaves no time for a retry after an attempt that ran out.
	 * @return the timeouts
	 */
	public Timeouts oneAttempt() {
		return new Timeouts(this.attempt, this.attempt);
	}

	/**
	 * A duration as people write it in settings: {@code 2s}, {@code 500ms}.
	 * @param duration the duration
	 * @return its text
	 */
	static String readable(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	private static Duration positive(@Nullable Duration timeout, String name) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new StoreFailure(Kind.INVALID_ARGUMENT, name + " must be a positive duration, was " + timeout);
		}
		return timeout;
	}

}
