package io.dynamodown.benchmarks;

import java.util.List;

/**
 * Lays out cells as one Markdown table with aligned columns: the first columns left
 * aligned, the rest (numbers) right aligned.
 */
final class MarkdownTable {

	private MarkdownTable() {
	}

	/**
	 * Formats a table.
	 * @param headers the column headers
	 * @param rows the rows' cells, as many as headers each
	 * @param leftAligned how many first columns are left aligned
	 * @return the table, lines ended by {@code \n}
	 */
	static String format(String[] headers, List<String[]> rows, int leftAligned) {
		int[] widths = new int[headers.length];
		widen(widths, headers);
		rows.forEach((row) -> widen(widths, row));
		String[] rule = new String[widths.length];
		for (int c = 0; c < widths.length; c++) {
			rule[c] = (c < leftAligned) ? "-".repeat(widths[c]) : "-".repeat(widths[c] - 1) + ":";
		}
		StringBuilder table = new StringBuilder();
		line(table, headers, widths, leftAligned);
		line(table, rule, widths, leftAligned);
		rows.forEach((row) -> line(table, row, widths, leftAligned));
		return table.toString();
	}

	private static void widen(int[] widths, String[] cells) {
		for (int c = 0; c < cells.length; c++) {
			widths[c] = Math.max(widths[c], cells[c].length());
		}
	}

	private static void line(StringBuilder table, String[] cells, int[] widths, int leftAligned) {
		table.append('|');
		for (int c = 0; c < cells.length; c++) {
			String cell = cells[c];
			String padding = " ".repeat(widths[c] - cell.length());
			table.append(' ').append((c < leftAligned) ? cell + padding : padding + cell).append(" |");
		}
		table.append('\n');
	}

}
