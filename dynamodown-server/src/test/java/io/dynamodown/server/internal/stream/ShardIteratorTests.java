package io.dynamodown.server.internal.stream;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shard iterators as opaque strings: what the server writes it reads back, and nothing
 * else, whatever one character of it is changed to.
 */
class ShardIteratorTests {

	private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/t-1/stream/2026-12-05T12:00:00.000";

	private static final ShardIterator ITERATOR = new ShardIterator(ARN, "shardId-00000001796472000000-00000003", 42,
			Instant.parse("2026-12-05T12:00:00.123Z"));

	@Test
	void readsBackWhatItWrote() {
		String text = ITERATOR.encode();
		assertThat(text).startsWith(ARN + "|1|").hasSizeLessThanOrEqualTo(2048);
		assertThat(ShardIterator.decode(text)).isEqualTo(ITERATOR);
	}

	@Test
	void aChangeOfAnyCharacterAfterTheArnIsRecognized() {
		String text = ITERATOR.encode();
		for (int i = ARN.length(); i < text.length(); i++) {
			for (char replacement : new char[] { 'A', 'z', '0', '-', '|' }) {
				if (text.charAt(i) != replacement) {
					String changed = text.substring(0, i) + replacement + text.substring(i + 1);
					assertThat(ShardIterator.decode(changed)).as(changed).isNull();
				}
			}
		}
	}

	@Test
	void anotherStreamsArnIsRecognized() {
		String text = ITERATOR.encode().replace("t-1", "t-2");
		assertThat(ShardIterator.decode(text)).isNull();
	}

	@Test
	void stringsItDidNotWriteAreRecognized() {
		assertThat(ShardIterator.decode("")).isNull();
		assertThat(ShardIterator.decode("|1|")).isNull();
		assertThat(ShardIterator.decode(ARN + "|1|")).isNull();
		assertThat(ShardIterator.decode(ARN + "|1|!!!!")).isNull();
		assertThat(ShardIterator.decode(ARN + "|1|//8")).isNull();
		assertThat(ShardIterator.decode(ITERATOR.encode() + "AAAA")).isNull();
	}

	@Test
	void expiresFifteenMinutesAfterItsIssue() {
		assertThat(ITERATOR.expired(ITERATOR.issued().plus(Duration.ofMinutes(15)).minusMillis(1))).isFalse();
		assertThat(ITERATOR.expired(ITERATOR.issued().plus(Duration.ofMinutes(15)))).isTrue();
	}

}
