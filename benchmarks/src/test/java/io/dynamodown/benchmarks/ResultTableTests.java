package io.dynamodown.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResultTable}.
 */
class ResultTableTests {

	@Test
	void formatsOneAlignedMarkdownRowPerResult() {
		Result result = new Result("get", "1000 x get, 1 KB", 1000, 2_500_000_000L, 2_000_000_000L, 1000, 1000, 500,
				500);
		String table = ResultTable.format(List.of(result));
		List<String> lines = table.lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).startsWith("| workload | ops per round    | dynamodown ms |");
		assertThat(lines.get(1)).startsWith("| -------- | ---------------- | ------------: |");
		assertThat(lines.get(2)).isEqualTo(
				"| get      | 1000 x get, 1 KB |        2500.0 |     2000.0 |  1.25 |        1000 |         1000 |  1000 |"
						+ "       500.0 |        500.0 |");
		assertThat(lines).allSatisfy((line) -> assertThat(line).hasSize(lines.get(0).length()));
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		assertThat(AlternatingRunner.median(new long[] { 9, 1, 5 })).isEqualTo(5);
		assertThat(AlternatingRunner.median(new long[] { 4, 1, 2, 3 })).isEqualTo(2);
	}

}
