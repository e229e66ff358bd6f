package io.dynamodown.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that tests set and advance by hand, so that expiry, idempotency windows and
 * table status changes are tested without waiting.
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/**
	 * Creates a clock at an instant.
	 * @param start the clock's first instant
	 */
	public MutableClock(Instant start) {
		this.now = start;
	}

	/**
	 * A clock at the real current second, so that the server's time-to-live sweep (which
	 * follows the real clock) leaves items alone that this clock already sees expired.
	 * @return the clock
	 */
	public static MutableClock atRealNow() {
		return new MutableClock(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
	}

	/**
	 * Moves the clock forward.
	 * @param duration how far
	 */
	public synchronized void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	/**
	 * Sets the clock to an instant, earlier or later.
	 * @param instant the new instant
	 */
	public synchronized void set(Instant instant) {
		this.now = instant;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
