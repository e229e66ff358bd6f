package io.dynamodown.internal.expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole seconds, never expiring before the time to live has passed.
 */
class ExpiryClockTests {

	@Test
	void nowIsTheCurrentEpochSecondRoundedDown() {
		assertThat(at("2026-11-24T10:00:00.999Z").now())
			.isEqualTo(Instant.parse("2026-11-24T10:00:00Z").getEpochSecond());
	}

	@Test
	void expiryIsTheFirstWholeSecondAtOrAfterNowPlusTheTimeToLive() {
		long base = Instant.parse("2026-11-24T10:00:00Z").getEpochSecond();
		assertThat(at("2026-11-24T10:00:00Z").expiresAt(Duration.ofSeconds(10))).isEqualTo(base + 10);
		assertThat(at("2026-11-24T10:00:00.001Z").expiresAt(Duration.ofSeconds(10))).isEqualTo(base + 11);
		assertThat(at("2026-11-24T10:00:00Z").expiresAt(Duration.ofMillis(1))).isEqualTo(base + 1);
	}

	@Test
	void anItemIsLiveUntilTheSecondOfItsExpiry() {
		assertThat(ExpiryClock.isLive(null, 100)).isTrue();
		assertThat(ExpiryClock.isLive(101L, 100)).isTrue();
		assertThat(ExpiryClock.isLive(100L, 100)).isFalse();
		assertThat(ExpiryClock.isLive(99L, 100)).isFalse();
	}

	private static ExpiryClock at(String instant) {
		return new ExpiryClock(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
	}

}
