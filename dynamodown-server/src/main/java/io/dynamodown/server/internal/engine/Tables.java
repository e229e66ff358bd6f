package io.dynamodown.server.internal.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Small conversions shared by the table operations.
 */
final class Tables {

	private Tables() {
	}

	/**
	 * Returns a time as DynamoDB's JSON carries it: seconds since the epoch, with
	 * milliseconds as a fraction.
	 * @param instant the time
	 * @return the number
	 */
	static BigDecimal epochSeconds(Instant instant) {
		return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
	}

}
