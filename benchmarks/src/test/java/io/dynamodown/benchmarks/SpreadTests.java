package io.dynamodown.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Spread}.
 */
class SpreadTests {

	@Test
	void medianMinAndMaxOfAnOddCountInAnyOrder() {
		assertThat(Spread.of(899, 408, 1200, 950, 410, 700, 640)).isEqualTo(new Spread(7, 700, 408, 1200));
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		assertThat(Spread.of(30, 10, 20, 40)).isEqualTo(new Spread(4, 25, 10, 40));
	}

	@Test
	void oneValueIsItsOwnMedianMinAndMax() {
		assertThat(Spread.of(27)).isEqualTo(new Spread(1, 27, 27, 27));
	}

	@Test
	void leavesTheValuesInTheirOrder() {
		long[] values = { 3, 1, 2 };
		Spread.of(values);
		assertThat(values).containsExactly(3, 1, 2);
	}

	@Test
	void refusesNoValues() {
		assertThatIllegalArgumentException().isThrownBy(Spread::of).withMessageContaining("at least one");
	}

}
