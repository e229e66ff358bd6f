package io.dynamodown.server.internal.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The capacity units one partition-key value may still consume: refilled continuously at
 * its rate, holding at most one second of it, full at first. A demand is admitted when
 * the bucket holds enough units, or when the bucket is full, so that a demand larger than
 * one second of the rate (a 400 KB item under a small cap) is admitted alone and repaid
 * by the refill rather than refused for ever. Not thread-safe: {@link PartitionLimiter}
 * guards it.
 */
final class TokenBucket {

	private static final double NANOS_PER_SECOND = 1e9;

	private final double unitsPerSecond;

	private double units;

	private Instant refilled;

	/**
	 * Creates a full bucket.
	 * @param unitsPerSecond the refill rate, which is also the most the bucket holds
	 * @param now the time
	 */
	TokenBucket(double unitsPerSecond, Instant now) {
		this.unitsPerSecond = unitsPerSecond;
		this.units = unitsPerSecond;
		this.refilled = now;
	}

	/**
	 * Returns whether a demand may be consumed now.
	 * @param demand the units asked for
	 * @param now the time
	 * @return whether the bucket holds them, or is full
	 */
	boolean admits(double demand, Instant now) {
		refill(now);
		return demand <= this.units || isFull();
	}

	/**
	 * Consumes units that {@link #admits(double, Instant)} admitted; the bucket may go
	 * below zero, and refills from there.
	 * @param demand the units
	 */
	void consume(double demand) {
		this.units -= demand;
	}

	/**
	 * Returns whether the bucket is full, so that forgetting it changes nothing.
	 * @param now the time
	 * @return whether it holds one second of its rate
	 */
	boolean isFull(Instant now) {
		refill(now);
		return isFull();
	}

	private boolean isFull() {
		return this.units >= this.unitsPerSecond;
	}

	private void refill(Instant now) {
		if (!now.isAfter(this.refilled)) {
			// a clock set back refills nothing, and nothing is taken back
			return;
		}
		Duration elapsed = Duration.between(this.refilled, now);
		// seconds and nanoseconds apart, so that a long idle time cannot overflow, and
		// multiplied before dividing, so that whole units come out whole
		double refill = elapsed.getSeconds() * this.unitsPerSecond
				+ elapsed.getNano() * this.unitsPerSecond / NANOS_PER_SECOND;
		this.units = Math.min(this.unitsPerSecond, this.units + refill);
		this.refilled = now;
	}

}
