package io.dynamodown.benchmarks;

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
		String[][] rows = new String[results.size() + 1][];
		rows[0] = HEADERS;
		for (int i = 0; i < results.size(); i++) {
			rows[i + 1] = cells(results.get(i));
		}
		int[] widths = new int[HEADERS.length];
		for (String[] row : rows) {
			for (int c = 0; c < row.length; c++) {
				widths[c] = Math.max(widths[c], row[c].length());
			}
		}
		StringBuilder table = new StringBuilder();
		line(table, rows[0], widths);
		String[] rule = new String[widths.length];
		for (int c = 0; c < widths.length; c++) {
			rule[c] = (c < 2) ? "-".repeat(widths[c]) : "-".repeat(widths[c] - 1) + ":";
		}
		line(table, rule, widths);
		for (int r = 1; r < rows.length; r++) {
			line(table, rows[r], widths);
		}
		return table.toString();
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

	private static void line(StringBuilder table, String[] cells, int[] widths) {
		table.append('|');
		for (int c = 0; c < cells.length; c++) {
			String cell = cells[c];
			String padding = " ".repeat(widths[c] - cell.length());
			table.append(' ').append(c < 2 ? cell + padding : padding + cell).append(" |");
		}
		table.append('\n');
	}

}
