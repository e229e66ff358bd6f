package io.dynamodown.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Formats the capacity benchmark's results as one Markdown table, ready to paste into
 * {@code BENCHMARKS.md}: per dataset, stored bytes, write capacity, read capacity of
 * point reads and of a scan, requests and time, each as dynamodown / raw SDK with the
 * ratio. A dataset the raw SDK cannot store shows {@code -} on its side.
 */
final class CapacityTable {

	private static final String[] HEADERS = { "dataset", "values", "raw bytes", "stored bytes dd / raw", "WCU dd / raw",
			"RCU get dd / raw", "RCU scan dd / raw", "requests put+get+scan dd / raw", "time ms dd / raw" };

	private static final String NONE = "-";

	private CapacityTable() {
	}

	/**
	 * Formats rows.
	 * @param rows the rows, one per dataset
	 * @return the table, lines ended by {@code \n}
	 */
	static String format(List<Row> rows) {
		List<String[]> cells = new ArrayList<>(rows.size());
		rows.forEach((row) -> cells.add(cells(row)));
		return MarkdownTable.format(HEADERS, cells, 1);
	}

	private static String[] cells(Row row) {
		Side dd = row.dynamodown();
		Side raw = row.raw();
		return new String[] { row.dataset(), Integer.toString(row.values()), grouped(row.rawBytes()),
				pair(grouped(dd.storedBytes()), (raw != null) ? grouped(raw.storedBytes()) : null, dd.storedBytes(),
						(raw != null) ? raw.storedBytes() : 0),
				capacity(dd.write(), (raw != null) ? raw.write() : null),
				capacity(dd.get(), (raw != null) ? raw.get() : null),
				capacity(dd.scan(), (raw != null) ? raw.scan() : null),
				pair(requests(dd), (raw != null) ? requests(raw) : null, 0, 0), pair(millis(dd.nanos()),
						(raw != null) ? millis(raw.nanos()) : null, dd.nanos(), (raw != null) ? raw.nanos() : 0) };
	}

	private static String capacity(RequestMeter.Reading dd, RequestMeter.@Nullable Reading raw) {
		return pair(units(dd.capacity()), (raw != null) ? units(raw.capacity()) : null, dd.capacity(),
				(raw != null) ? raw.capacity() : 0);
	}

	/**
	 * "dd / raw (ratio)", or "dd / -" without a raw side; no ratio when the denominator
	 * is 0.
	 */
	private static String pair(String dd, @Nullable String raw, double ddValue, double rawValue) {
		if (raw == null) {
			return dd + " / " + NONE;
		}
		String pair = dd + " / " + raw;
		return (rawValue > 0) ? pair + String.format(Locale.ROOT, " (%.3f)", ddValue / rawValue) : pair;
	}

	private static String requests(Side side) {
		return side.write().requests() + "+" + side.get().requests() + "+" + side.scan().requests();
	}

	private static String units(double units) {
		return String.format(Locale.ROOT, "%.1f", units);
	}

	private static String grouped(long bytes) {
		return String.format(Locale.ROOT, "%,d", bytes);
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
	}

	/**
	 * One dataset's results.
	 *
	 * @param dataset the dataset's name
	 * @param values how many values it has
	 * @param rawBytes the values' total size
	 * @param dynamodown dynamodown's side
	 * @param raw the raw SDK's side, {@code null} when it cannot store the dataset
	 */
	record Row(String dataset, int values, long rawBytes, Side dynamodown, @Nullable Side raw) {

	}

	/**
	 * One side's results for a dataset: what one round cost and the median round time.
	 *
	 * @param storedBytes the sizes of all the side's items, as DynamoDB counts them
	 * @param items how many items hold them
	 * @param write requests and capacity of writing every value
	 * @param get requests and capacity of reading every value by key
	 * @param scan requests and capacity of iterating over all values
	 * @param nanos the median time of a round (write, get and scan)
	 */
	record Side(long storedBytes, long items, RequestMeter.Reading write, RequestMeter.Reading get,
			RequestMeter.Reading scan, long nanos) {

	}

}
