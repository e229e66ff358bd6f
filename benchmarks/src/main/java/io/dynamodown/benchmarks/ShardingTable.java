package io.dynamodown.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Formats the sharding measurements as two Markdown tables: writes of increasing keys
 * under a per-partition cap, and the cost of sharding without one.
 */
final class ShardingTable {

	private static final String[] CAPPED_HEADERS = { "write", "shards", "keys/s (median)", "min", "max", "x cap",
			"throttled requests/s", "writes failed" };

	private static final String[] UNCAPPED_HEADERS = { "workload", "what", "shards", "median ms", "min", "max",
			"requests", "capacity" };

	private ShardingTable() {
	}

	/**
	 * Formats the writes under a cap.
	 * @param rows the rows
	 * @param cap the write units a second each partition-key value may consume
	 * @return the table, lines ended by {@code \n}
	 */
	static String capped(List<CappedRow> rows, long cap) {
		List<String[]> cells = new ArrayList<>(rows.size());
		for (CappedRow row : rows) {
			cells.add(new String[] { row.write(), Integer.toString(row.shards()),
					Long.toString(row.keysPerSecond().median()), Long.toString(row.keysPerSecond().min()),
					Long.toString(row.keysPerSecond().max()),
					String.format(Locale.ROOT, "%.1f", (double) row.keysPerSecond().median() / cap),
					String.format(Locale.ROOT, "%.1f", row.throttledPerSecond()), Long.toString(row.failed()) });
		}
		return MarkdownTable.format(CAPPED_HEADERS, cells, 1);
	}

	/**
	 * Formats the measurements without a cap.
	 * @param rows the rows
	 * @return the table, lines ended by {@code \n}
	 */
	static String uncapped(List<UncappedRow> rows) {
		List<String[]> cells = new ArrayList<>(rows.size());
		for (UncappedRow row : rows) {
			cells.add(new String[] { row.workload(), row.what(), Integer.toString(row.shards()),
					millis(row.nanos().median()), millis(row.nanos().min()), millis(row.nanos().max()),
					Long.toString(row.requests()), String.format(Locale.ROOT, "%.1f", row.capacity()) });
		}
		return MarkdownTable.format(UNCAPPED_HEADERS, cells, 2);
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
	}

	/**
	 * Writes of one kind to a database of some shards, under the cap.
	 *
	 * @param write how the keys were written
	 * @param shards the shard count
	 * @param keysPerSecond the rate of acknowledged keys, over the rounds
	 * @param throttledPerSecond the requests the server held back a second, over all
	 * rounds
	 * @param failed the writes reported failed to the caller, over all rounds
	 */
	record CappedRow(String write, int shards, Spread keysPerSecond, double throttledPerSecond, long failed) {

	}

	/**
	 * One workload on a database of some shards, without a cap.
	 *
	 * @param workload the short name
	 * @param what what one round does
	 * @param shards the shard count
	 * @param nanos the round times
	 * @param requests the requests of one round
	 * @param capacity the capacity units one round consumed
	 */
	record UncappedRow(String workload, String what, int shards, Spread nanos, long requests, double capacity) {

	}

}
