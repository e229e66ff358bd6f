package io.dynamodown.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Percentiles by the nearest-rank method.
 */
class LatenciesTests {

	@Test
	void percentilesAreNearestRanks() {
		long[] values = new long[200];
		for (int i = 0; i < values.length; i++) {
			values[i] = values.length - i;
		}
		assertThat(Latencies.of(values)).isEqualTo(new Latencies(200, 100, 198, 200));
	}

	@Test
	void oneValueIsEveryPercentile() {
		assertThat(Latencies.of(7)).isEqualTo(new Latencies(1, 7, 7, 7));
	}

	@Test
	void noValueIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(Latencies::of);
	}

}
