package io.dynamodown.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Formats the server's own measurements (start times, throughput) as one Markdown table,
 * ready to paste into {@code BENCHMARKS.md}.
 */
final class ServerTable {

	private static final String[] HEADERS = { "measurement", "what", "runs", "median", "min", "max", "unit" };

	private ServerTable() {
	}

	/**
	 * Formats rows.
	 * @param rows the rows
	 * @return the table, lines ended by {@code \n}
	 */
	static String format(List<Row> rows) {
		List<String[]> cells = new ArrayList<>(rows.size());
		rows.forEach((row) -> cells.add(new String[] { row.measurement(), row.what(), Integer.toString(row.runs()),
				row.median(), row.min(), row.max(), row.unit() }));
		return MarkdownTable.format(HEADERS, cells, 2);
	}

	/**
	 * One measured figure, its numbers already formatted in its unit.
	 *
	 * @param measurement the short name
	 * @param what what was measured
	 * @param runs how many measurements
	 * @param median the median
	 * @param min the smallest
	 * @param max the largest
	 * @param unit the unit of the numbers
	 */
	record Row(String measurement, String what, int runs, String median, String min, String max, String unit) {

		/**
		 * A row of durations, shown in milliseconds with one decimal.
		 * @param measurement the short name
		 * @param what what was measured
		 * @param nanos the spread of the durations in nanoseconds
		 * @return the row
		 */
		static Row millis(String measurement, String what, Spread nanos) {
			return new Row(measurement, what, nanos.count(), millis(nanos.median()), millis(nanos.min()),
					millis(nanos.max()), "ms");
		}

		/**
		 * A row of rates, shown as whole operations per second.
		 * @param measurement the short name
		 * @param what what was measured
		 * @param opsPerSecond the spread of the rates
		 * @return the row
		 */
		static Row perSecond(String measurement, String what, Spread opsPerSecond) {
			return new Row(measurement, what, opsPerSecond.count(), Long.toString(opsPerSecond.median()),
					Long.toString(opsPerSecond.min()), Long.toString(opsPerSecond.max()), "ops/s");
		}

		private static String millis(long nanos) {
			return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
		}

	}

}
