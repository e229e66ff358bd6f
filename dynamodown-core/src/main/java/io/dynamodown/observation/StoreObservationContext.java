package io.dynamodown.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What is known of one store operation: set before it starts (operation, table, hash key,
 * items), added to by every DynamoDB request it sends on any thread (requests and
 * consumed capacity), and its error code once it fails.
 */
public final class StoreObservationContext extends Observation.Context {

	private final String operation;

	private final String table;

	private final String hashKey;

	private long items;

	private long requests;

	private double readUnits;

	private double writeUnits;

	private @Nullable String errorCode;

	/**
	 * Creates the context of one operation.
	 * @param operation the store operation, e.g. {@code get}
	 * @param table the table
	 * @param hashKey the store's hash key
	 * @param items the keys read or written, as far as known before the operation
	 */
	public StoreObservationContext(String operation, String table, String hashKey, long items) {
		this.operation = operation;
		this.table = table;
		this.hashKey = hashKey;
		this.items = items;
	}

	/**
	 * The store operation.
	 * @return e.g. {@code get}, {@code iterator.page}
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * The table.
	 * @return its name
	 */
	public String table() {
		return this.table;
	}

	/**
	 * The store's hash key.
	 * @return the hash key
	 */
	public String hashKey() {
		return this.hashKey;
	}

	/**
	 * The keys read or written.
	 * @return their count
	 */
	public synchronized long items() {
		return this.items;
	}

	/**
	 * The DynamoDB requests sent so far.
	 * @return their count
	 */
	public synchronized long requests() {
		return this.requests;
	}

	/**
	 * The read capacity units consumed so far.
	 * @return the units
	 */
	public synchronized double readUnits() {
		return this.readUnits;
	}

	/**
	 * The write capacity units consumed so far.
	 * @return the units
	 */
	public synchronized double writeUnits() {
		return this.writeUnits;
	}

	/**
	 * The error code's name of a failed operation.
	 * @return the name, or {@code null} while it has not failed
	 */
	public synchronized @Nullable String errorCode() {
		return this.errorCode;
	}

	/**
	 * Adds one DynamoDB request sent for the operation, from any thread.
	 * @param read the read capacity units it consumed
	 * @param write the write capacity units it consumed
	 */
	public synchronized void addRequest(double read, double write) {
		this.requests++;
		this.readUnits += read;
		this.writeUnits += write;
	}

	/**
	 * Adds keys read or written once known (the entries of an iterator's page).
	 * @param count how many
	 */
	public synchronized void addItems(long count) {
		this.items += count;
	}

	/**
	 * Records that the operation failed.
	 * @param code the error code's name
	 */
	public synchronized void failed(String code) {
		this.errorCode = code;
	}

}
