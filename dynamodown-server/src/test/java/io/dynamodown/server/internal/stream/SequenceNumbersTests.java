package io.dynamodown.server.internal.stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequence numbers of 21 digits, read back as numbers.
 */
class SequenceNumbersTests {

	@Test
	void writesTwentyOneDigitsThatSortAsTheNumbers() {
		assertThat(SequenceNumbers.format(1)).isEqualTo("000000000000000000001");
		assertThat(SequenceNumbers.format(Long.MAX_VALUE)).hasSize(21);
		assertThat(SequenceNumbers.format(99)).isLessThan(SequenceNumbers.format(100));
	}

	@Test
	void readsDigitsOnly() {
		assertThat(SequenceNumbers.parse("000000000000000000042")).isEqualTo(42L);
		assertThat(SequenceNumbers.parse("00000000000000000004x")).isNull();
		assertThat(SequenceNumbers.parse("-00000000000000000042")).isNull();
		assertThat(SequenceNumbers.parse("")).isNull();
		assertThat(SequenceNumbers.parse("9".repeat(40))).as("more than this server ever writes").isNull();
	}

}
