package io.dynamodown.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CapacityTable}.
 */
class CapacityTableTests {

	private static final CapacityTable.Side DYNAMODOWN = new CapacityTable.Side(158_504, 281,
			new RequestMeter.Reading(281, 281), new RequestMeter.Reading(281, 281), new RequestMeter.Reading(1, 39),
			407_600_000L);

	private static final CapacityTable.Side RAW = new CapacityTable.Side(622_971, 281,
			new RequestMeter.Reading(281, 843), new RequestMeter.Reading(281, 281), new RequestMeter.Reading(1, 153),
			400_500_000L);

	@Test
	void formatsBothSidesWithTheirRatioInAlignedColumns() {
		String table = CapacityTable.format(List.of(new CapacityTable.Row("(b) JSON", 281, 615_384, DYNAMODOWN, RAW)));
		List<String> lines = table.lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).startsWith("| dataset  | values | raw bytes |");
		assertThat(lines.get(1)).startsWith("| -------- | -----: | --------: |");
		assertThat(lines.get(2)).isEqualTo("| (b) JSON |    281 |   615,384 | 158,504 / 622,971 (0.254) "
				+ "| 281.0 / 843.0 (0.333) | 281.0 / 281.0 (1.000) | 39.0 / 153.0 (0.255) "
				+ "|          281+281+1 / 281+281+1 | 407.6 / 400.5 (1.018) |");
		assertThat(lines).allSatisfy((line) -> assertThat(line).hasSize(lines.get(0).length()));
	}

	@Test
	void showsADashWhereTheRawSdkCannotStoreTheDataset() {
		String row = CapacityTable.format(List.of(new CapacityTable.Row("e", 3, 3_145_728, DYNAMODOWN, null)))
			.lines()
			.toList()
			.get(2);
		assertThat(row).contains(" 158,504 / - |")
			.contains(" 281.0 / - |")
			.contains(" 281+281+1 / - |")
			.doesNotContain("(");
	}

	@Test
	void ratiosKeepThreeDecimalsSoThatAOnePercentTargetIsVisible() {
		CapacityTable.Side slightlyMore = new CapacityTable.Side(1_004, 1, new RequestMeter.Reading(1, 1),
				new RequestMeter.Reading(1, 1), new RequestMeter.Reading(1, 1), 1);
		CapacityTable.Side raw = new CapacityTable.Side(1_000, 1, new RequestMeter.Reading(1, 1),
				new RequestMeter.Reading(1, 1), new RequestMeter.Reading(1, 1), 1);
		String row = CapacityTable.format(List.of(new CapacityTable.Row("r", 1, 1_000, slightlyMore, raw)))
			.lines()
			.toList()
			.get(2);
		assertThat(row).contains("1,004 / 1,000 (1.004)");
	}

}
