package io.dynamodown.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BenchmarkOptions}.
 */
class BenchmarkOptionsTests {

	@Test
	void defaultsToFullSizeFiveRoundsOneWarmup() {
		assertThat(BenchmarkOptions.parse()).isEqualTo(new BenchmarkOptions(BenchmarkOptions.Sizes.FULL, 5, 1));
	}

	@Test
	void quickWithRoundsAndWarmup() {
		assertThat(BenchmarkOptions.parse("--quick", "--rounds", "1", "--warmup", "0"))
			.isEqualTo(new BenchmarkOptions(BenchmarkOptions.Sizes.QUICK, 1, 0));
	}

	@Test
	void refusesUnknownArgumentsAndZeroRounds() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--fast"))
			.withMessageContaining("usage");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--rounds", "0"))
			.withMessageContaining("at least 1");
	}

}
