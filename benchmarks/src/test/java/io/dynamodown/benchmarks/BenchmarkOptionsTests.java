package io.dynamodown.benchmarks;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BenchmarkOptions}.
 */
class BenchmarkOptionsTests {

	@Test
	void defaultsToFullSizeThreeRoundsOneWarmup() {
		assertThat(BenchmarkOptions.parse())
			.isEqualTo(new BenchmarkOptions(BenchmarkOptions.Sizes.FULL, 3, 1, Set.of(), Duration.ZERO));
	}

	@Test
	void quickWithRoundsAndWarmup() {
		assertThat(BenchmarkOptions.parse("--quick", "--rounds", "1", "--warmup", "0", "--latency-ms", "5"))
			.isEqualTo(new BenchmarkOptions(BenchmarkOptions.Sizes.QUICK, 1, 0, Set.of(), Duration.ofMillis(5)));
	}

	@Test
	void onlySelectsTheNamedWorkloads() {
		BenchmarkOptions options = BenchmarkOptions.parse("--only", "get,scan");
		assertThat(options.selects("get")).isTrue();
		assertThat(options.selects("scan")).isTrue();
		assertThat(options.selects("bulk")).isFalse();
	}

	@Test
	void serverMeasurementsRunOnlyWhenNamed() {
		BenchmarkOptions all = BenchmarkOptions.parse();
		assertThat(all.measuresServer("server-start")).isFalse();
		assertThat(all.runsWorkloads()).isTrue();
		BenchmarkOptions server = BenchmarkOptions.parse("--only", "server-start,server-throughput");
		assertThat(server.measuresServer("server-start")).isTrue();
		assertThat(server.measuresServer("server-restart")).isFalse();
		assertThat(server.runsWorkloads()).isFalse();
		assertThat(BenchmarkOptions.parse("--only", "server-restart,get").runsWorkloads()).isTrue();
	}

	@Test
	void shardingRunsOnlyWhenNamed() {
		assertThat(BenchmarkOptions.parse().measuresSharding()).isFalse();
		BenchmarkOptions sharding = BenchmarkOptions.parse("--only", "sharding", "--latency-ms", "5");
		assertThat(sharding.measuresSharding()).isTrue();
		assertThat(sharding.runsWorkloads()).isFalse();
		assertThat(BenchmarkOptions.parse("--only", "sharding,server-start").runsWorkloads()).isFalse();
		assertThat(BenchmarkOptions.parse("--only", "sharding,get").runsWorkloads()).isTrue();
	}

	@Test
	void refusesUnknownArgumentsAndZeroRounds() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--fast"))
			.withMessageContaining("usage");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--rounds", "0"))
			.withMessageContaining("at least 1");
	}

}
