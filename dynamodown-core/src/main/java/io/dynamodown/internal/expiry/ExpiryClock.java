package io.dynamodown.internal.expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The store's notion of now for expiry, in DynamoDB's TTL unit: whole epoch seconds. A
 * key put with a time to live expires at the first whole second at or after now plus the
 * time to live (never earlier than asked), and is absent from that second on.
 */
public final class ExpiryClock {

	private final Clock clock;

	/**
	 * Creates the clock.
	 * @param clock the source of now
	 */
	public ExpiryClock(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Now, in whole epoch seconds (rounded down).
	 * @return the current epoch second
	 */
	public long now() {
		return this.clock.instant().getEpochSecond();
	}

	/**
	 * Now, in epoch milliseconds.
	 * @return the current epoch millisecond
	 */
	public long millis() {
		return this.clock.millis();
	}

	/**
	 * The epoch second at which a key put now with a time to live expires.
	 * @param ttl a positive time to live
	 * @return the epoch second of expiry
	 */
	public long expiresAt(Duration ttl) {
		Instant at = this.clock.instant().plus(ttl);
		return (at.getNano() > 0) ? at.getEpochSecond() + 1 : at.getEpochSecond();
	}

	/**
	 * Whether an item with this expiry is live at {@code now}.
	 * @param expiresAt the item's epoch second of expiry, or {@code null} when it has
	 * none
	 * @param now the current epoch second
	 * @return {@code true} when it has not expired
	 */
	public static boolean isLive(@Nullable Long expiresAt, long now) {
		return expiresAt == null || expiresAt > now;
	}

}
