package io.dynamodown.internal.request;

import java.time.Duration;

/**
 * The deadlines of every request a store sends: each attempt, and the whole call with the
 * SDK's retries (checked by the store's options).
 *
 * @param attempt the longest one attempt may take
 * @param total the longest one request may take, the SDK's retries included
 */
public record Timeouts(Duration attempt, Duration total) {

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
	public static String readable(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
