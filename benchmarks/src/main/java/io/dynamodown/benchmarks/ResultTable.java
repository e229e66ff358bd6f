package io.dynamodown.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Formats results as one Markdown table, ready to paste into {@code BENCHMARKS.md}.
 */
final class ResultTable {

	private static final String[] HEADERS = { "workload", "ops per round", "dynamodown ms", "raw SDK ms", "ratio",
			"requests dd", "requests raw", "floor", "capacity dd", "capacity raw" };

	private ResultTable() {
	}

	/**
	 * Formats results.
	 * @param results the results, one row each
	 * @return the table, lines ended by {@code \n}
	 */
	static String format(List<Result> results) {
		List<String[]> cells = new ArrayList<>(results.size());
		results.forEach((row) -> cells.add(cells(row)));
		return MarkdownTable.format(HEADERS, cells, 2);
	}

	private static String[] cells(Result result) {
		return new String[] { result.name(), result.ops(), millis(result.dynamodownNanos()), millis(result.rawNanos()),
				String.format(Locale.ROOT, "%.2f", result.ratio()), Long.toString(result.dynamodownRequests()),
				Long.toString(result.rawRequests()), Long.toString(result.floor()),
				String.format(Locale.ROOT, "%.1f", result.dynamodownCapacity()),
				String.format(Locale.ROOT, "%.1f", result.rawCapacity()) };
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
	}

}
