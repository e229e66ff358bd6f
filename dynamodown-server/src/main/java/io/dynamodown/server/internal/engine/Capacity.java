package io.dynamodown.server.internal.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * DynamoDB's capacity arithmetic: reads in units of 4 KB (half for eventually consistent
 * reads), writes in units of 1 KB, at least one unit per item; transactions cost twice.
 * Also the {@code ConsumedCapacity} member of answers.
 */
final class Capacity {

	private static final long READ_UNIT = 4096;

	private static final long WRITE_UNIT = 1024;

	private Capacity() {
	}

	/**
	 * Returns the read units of reading this many bytes in one request.
	 * @param bytes the size of the item, or of all items a page evaluated together
	 * @param consistent whether the read is strongly consistent
	 * @return the units
	 */
	static double readUnits(long bytes, boolean consistent) {
		double units = Math.max(1, (bytes + READ_UNIT - 1) / READ_UNIT);
		return consistent ? units : units / 2;
	}

	/**
	 * Returns the read units of a {@code Query} or {@code Scan} page: its items' sizes
	 * summed, then rounded up to 4 KB units; a page that read nothing costs nothing.
	 * @param bytes the size of the items the page evaluated
	 * @param consistent whether the read is strongly consistent
	 * @return the units
	 */
	static double pageReadUnits(long bytes, boolean consistent) {
		double units = (bytes + READ_UNIT - 1) / READ_UNIT;
		return consistent ? units : units / 2;
	}

	/**
	 * Returns the write units of writing an item of this size.
	 * @param bytes the larger of the old and the new item's size
	 * @return the units
	 */
	static double writeUnits(long bytes) {
		return Math.max(1, (bytes + WRITE_UNIT - 1) / WRITE_UNIT);
	}

	/**
	 * Builds the {@code ConsumedCapacity} of one table, or nothing when the request did
	 * not ask for it.
	 * @param returnConsumedCapacity the request's {@code ReturnConsumedCapacity}
	 * @param table the table name
	 * @param tableUnits the units the table consumed
	 * @param indexUnits the units each index consumed, by global flag then name
	 * @return the JSON object, or {@code null}
	 */
	static @Nullable Map<String, Object> consumed(@Nullable Object returnConsumedCapacity, String table,
			double tableUnits, Map<SecondaryIndex, Double> indexUnits) {
		if (!"TOTAL".equals(returnConsumedCapacity) && !"INDEXES".equals(returnConsumedCapacity)) {
			return null;
		}
		double total = tableUnits;
		for (double units : indexUnits.values()) {
			total += units;
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("CapacityUnits", total);
		json.put("TableName", table);
		if ("INDEXES".equals(returnConsumedCapacity)) {
			json.put("Table", units(tableUnits));
			Map<String, Object> global = new LinkedHashMap<>();
			Map<String, Object> local = new LinkedHashMap<>();
			indexUnits.forEach((index, units) -> (index.global() ? global : local).put(index.name(), units(units)));
			if (!local.isEmpty()) {
				json.put("LocalSecondaryIndexes", local);
			}
			if (!global.isEmpty()) {
				json.put("GlobalSecondaryIndexes", global);
			}
		}
		return json;
	}

	private static Map<String, Object> units(double units) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("CapacityUnits", units);
		return json;
	}

}
