package io.dynamodown.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServerTable}.
 */
class ServerTableTests {

	@Test
	void formatsDurationsInMillisecondsAndRatesInWholeOperations() {
		String table = ServerTable.format(List.of(
				ServerTable.Row.millis("server-start", "start()",
						new Spread(7, 408_049_999, 399_950_000, 1_234_500_000)),
				ServerTable.Row.perSecond("server-throughput", "GetItem", new Spread(3, 2345, 2100, 2500))));
		List<String> lines = table.lines().toList();
		assertThat(lines).containsExactly("| measurement       | what    | runs | median |   min |    max |  unit |",
				"| ----------------- | ------- | ---: | -----: | ----: | -----: | ----: |",
				"| server-start      | start() |    7 |  408.0 | 400.0 | 1234.5 |    ms |",
				"| server-throughput | GetItem |    3 |   2345 |  2100 |   2500 | ops/s |");
	}

}
