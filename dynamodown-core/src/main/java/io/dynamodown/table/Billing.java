package io.dynamodown.table;

import org.jspecify.annotations.Nullable;

/**
 * How a table created by the store is billed.
 *
 * @param readCapacity provisioned read capacity units, 0 for on-demand
 * @param writeCapacity provisioned write capacity units, 0 for on-demand
 */
public record Billing(long readCapacity, long writeCapacity) {

	/** On-demand (pay per request) billing. */
	public static final Billing ON_DEMAND = new Billing(0, 0);

	/**
	 * Creates a billing choice.
	 * @param readCapacity provisioned read capacity units, 0 for on-demand
	 * @param writeCapacity provisioned write capacity units, 0 for on-demand
	 */
	public Billing {
		checkNotNegative("readCapacity", readCapacity);
		checkNotNegative("writeCapacity", writeCapacity);
		if ((readCapacity == 0) != (writeCapacity == 0)) {
			checkProvisioned("readCapacity", readCapacity);
			checkProvisioned("writeCapacity", writeCapacity);
		}
	}

	/**
	 * Provisioned billing.
	 * @param readCapacity read capacity units, at least 1
	 * @param writeCapacity write capacity units, at least 1
	 * @return the billing choice
	 * @throws IllegalArgumentException naming the first capacity below 1 (the message
	 * starts with its name) and its value
	 */
	public static Billing provisioned(long readCapacity, long writeCapacity) {
		checkNotNegative("readCapacity", readCapacity);
		checkNotNegative("writeCapacity", writeCapacity);
		checkProvisioned("readCapacity", readCapacity);
		checkProvisioned("writeCapacity", writeCapacity);
		return new Billing(readCapacity, writeCapacity);
	}

	/**
	 * The billing of capacities that may be absent: on-demand when neither is set (or
	 * both are 0), else provisioned.
	 * @param readCapacity read capacity units, or {@code null}
	 * @param writeCapacity write capacity units, or {@code null}
	 * @return the billing choice
	 * @throws IllegalArgumentException naming the first capacity that is negative, or
	 * below 1 while the other is set (the message starts with its name), and its value
	 */
	public static Billing of(@Nullable Long readCapacity, @Nullable Long writeCapacity) {
		long read = (readCapacity != null) ? readCapacity : 0;
		long write = (writeCapacity != null) ? writeCapacity : 0;
		return (read == 0 && write == 0) ? ON_DEMAND : provisioned(read, write);
	}

	private static void checkNotNegative(String name, long capacity) {
		if (capacity < 0) {
			throw new IllegalArgumentException(name + " must not be negative, was " + capacity);
		}
	}

	private static void checkProvisioned(String name, long capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException(name + " must be at least 1 for provisioned billing, was " + capacity);
		}
	}

	/**
	 * Whether this is on-demand billing.
	 * @return {@code true} for on-demand
	 */
	public boolean isOnDemand() {
		return this.readCapacity == 0;
	}

}
