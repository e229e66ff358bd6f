package io.dynamodown.server.internal.protocol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * The time a request says it was signed at, and DynamoDB's check that it is within 15
 * minutes of the server's time.
 */
final class RequestTime {

	static final Duration ALLOWED_SKEW = Duration.ofMinutes(15);

	/** ISO 8601's basic format, as {@code X-Amz-Date} carries it. */
	static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
		.withResolverStyle(ResolverStyle.STRICT)
		.withZone(ZoneOffset.UTC);

	private RequestTime() {
	}

	/**
	 * Parses a request date: ISO 8601's basic format, or the HTTP date format of a
	 * {@code Date} header.
	 * @param date the date as sent
	 * @return the instant
	 * @throws DynamoDbError {@code IncompleteSignatureException} for another format
	 */
	static Instant parse(String date) {
		try {
			return Instant.from(BASIC.parse(date));
		}
		catch (DateTimeParseException ex) {
			try {
				return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(date));
			}
			catch (DateTimeParseException notHttp) {
				throw AuthenticationErrors.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '" + date
						+ "'. See http://en.wikipedia.org/wiki/ISO_8601");
			}
		}
	}

	/**
	 * Checks that a request time is within {@link #ALLOWED_SKEW} of the clock.
	 * @param time the request time
	 * @param clock the server's clock
	 * @throws DynamoDbError {@code InvalidSignatureException} for a request too old or
	 * too far in the future
	 */
	static void checkSkew(Instant time, Clock clock) {
		Instant now = clock.instant();
		if (time.isBefore(now.minus(ALLOWED_SKEW))) {
			throw AuthenticationErrors.invalidSignature("Signature expired: " + format(time) + " is now earlier than "
					+ format(now.minus(ALLOWED_SKEW)) + " (" + format(now) + " - 15 min.)");
		}
		if (time.isAfter(now.plus(ALLOWED_SKEW))) {
			throw AuthenticationErrors.invalidSignature("Signature not yet current: " + format(time)
					+ " is still later than " + format(now.plus(ALLOWED_SKEW)) + " (" + format(now) + " + 15 min.)");
		}
	}

	static String format(Instant time) {
		return BASIC.format(time);
	}

}
