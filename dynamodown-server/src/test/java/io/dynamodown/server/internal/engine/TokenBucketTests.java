package io.dynamodown.server.internal.engine;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partition's token bucket: full at first, refilled at its rate up to one second of it,
 * and admitting a demand larger than that only when full.
 */
class TokenBucketTests {

	private static final Instant START = Instant.parse("2026-12-05T12:00:00Z");

	@Test
	void startsWithOneSecondOfItsRate() {
		TokenBucket bucket = new TokenBucket(10, START);
		assertThat(bucket.admits(10, START)).isTrue();
		bucket.consume(10);
		assertThat(bucket.admits(0.5, START)).isFalse();
	}

	@Test
	void refillsAtItsRateInWholeUnits() {
		TokenBucket bucket = new TokenBucket(10, START);
		bucket.consume(10);
		Instant later = START.plusMillis(300);
		assertThat(bucket.admits(3, later)).isTrue();
		assertThat(bucket.admits(3.5, later)).isFalse();
		Instant oneNanoLater = START.plusNanos(1);
		TokenBucket precise = new TokenBucket(1_000_000_000, START);
		precise.consume(1_000_000_000);
		assertThat(precise.admits(1, oneNanoLater)).isTrue();
		assertThat(precise.admits(2, oneNanoLater)).isFalse();
	}

	@Test
	void holdsNoMoreThanOneSecondOfItsRate() {
		TokenBucket bucket = new TokenBucket(5, START);
		Instant muchLater = START.plus(Duration.ofDays(365 * 1000));
		assertThat(bucket.isFull(muchLater)).isTrue();
		bucket.consume(5);
		assertThat(bucket.admits(0.5, muchLater)).isFalse();
	}

	@Test
	void admitsADemandLargerThanItselfOnlyWhenFullAndRepaysIt() {
		TokenBucket bucket = new TokenBucket(2, START);
		assertThat(bucket.admits(5, START)).isTrue();
		bucket.consume(5);
		assertThat(bucket.admits(1, START.plusSeconds(1))).as("one second repays 2 of the 3 units owed").isFalse();
		assertThat(bucket.admits(1, START.plusSeconds(2))).isTrue();
		assertThat(bucket.isFull(START.plusMillis(2500))).isTrue();
	}

	@Test
	void aClockSetBackRefillsNothing() {
		TokenBucket bucket = new TokenBucket(4, START);
		bucket.consume(4);
		assertThat(bucket.admits(1, START.minusSeconds(10))).isFalse();
		assertThat(bucket.admits(1, START.plusMillis(250))).isTrue();
	}

}
