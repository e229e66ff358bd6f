package io.dynamodown.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ShardingTable}.
 */
class ShardingTableTests {

	@Test
	void cappedWritesShowTheirRateAsAMultipleOfTheCap() {
		String table = ShardingTable
			.capped(List.of(new ShardingTable.CappedRow("bulk", 1, new Spread(3, 104, 98, 130), 12.25, 0),
					new ShardingTable.CappedRow("bulk", 16, new Spread(3, 1587, 1500, 1600), 0, 3)), 100);
		assertThat(table.lines().toList()).containsExactly(
				"| write | shards | keys/s (median) |  min |  max | x cap | throttled requests/s | writes failed |",
				"| ----- | -----: | --------------: | ---: | ---: | ----: | -------------------: | ------------: |",
				"| bulk  |      1 |             104 |   98 |  130 |   1.0 |                 12.3 |             0 |",
				"| bulk  |     16 |            1587 | 1500 | 1600 |  15.9 |                  0.0 |             3 |");
	}

	@Test
	void uncappedWorkloadsShowMillisecondsRequestsAndCapacity() {
		String table = ShardingTable.uncapped(List.of(new ShardingTable.UncappedRow("scan", "all", 8,
				new Spread(3, 250_049_999, 240_000_000, 260_000_000), 8, 64)));
		assertThat(table.lines().toList()).containsExactly(
				"| workload | what | shards | median ms |   min |   max | requests | capacity |",
				"| -------- | ---- | -----: | --------: | ----: | ----: | -------: | -------: |",
				"| scan     | all  |      8 |     250.0 | 240.0 | 260.0 |        8 |     64.0 |");
	}

}
