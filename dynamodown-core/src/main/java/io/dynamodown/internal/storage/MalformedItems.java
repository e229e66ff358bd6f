package io.dynamodown.internal.storage;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.dynamodown.internal.request.RequestRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored items one run of an operation skipped because it could not read them: each
 * is reported to the store's listener as it is met, and the run ends with one WARN line
 * naming how many there were and the first keys, so that one crafted or damaged item
 * never stops maintenance and never goes unnoticed.
 */
final class MalformedItems {

	/** How many keys the summary names. */
	static final int KEYS_NAMED = 5;

	private static final Logger logger = LoggerFactory.getLogger(MalformedItems.class);

	private final String operation;

	private final RequestRunner runner;

	private final List<String> firstKeys = new ArrayList<>(KEYS_NAMED);

	private long count;

	MalformedItems(String operation, RequestRunner runner) {
		this.operation = operation;
		this.runner = runner;
	}

	/**
	 * Records an item skipped.
	 * @param key the full key of the item, or of the chunk's owner
	 * @param problem what is wrong with it
	 */
	synchronized void skipped(byte[] key, String problem) {
		this.count++;
		if (this.firstKeys.size() < KEYS_NAMED) {
			this.firstKeys.add(HexFormat.of().formatHex(key));
		}
		this.runner.reportMalformed(this.operation, key, problem);
	}

	/**
	 * Logs the summary, when any item was skipped.
	 * @param table the table, for the message
	 */
	synchronized void logSummary(String table) {
		if (this.count > 0) {
			logger.warn(
					"{} in table '{}' skipped {} stored items it could not read (first keys, hex: {});"
							+ " they were written by something other than this store, or damaged",
					this.operation, table, this.count, this.firstKeys);
		}
	}

}
