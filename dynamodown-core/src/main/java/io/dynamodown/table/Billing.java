package io.dynamodown.table;

import org.jspecify.annotations.Nullable;

/**
 * How a table created by the store is billed. A store checks a billing when it is given
 * one ({@code LevelDbOptions.Builder.billing}): capacities not negative, and both at
 * least 1 for provisioned billing.
 *
 * @param readCapacity provisioned read capacity units, 0 for on-demand
 * @param writeCapacity provisioned write capacity units, 0 for on-demand
 */
public record Billing(long readCapacity, long writeCapacity) {

	/** On-demand (pay per request) billing. */
	public static final Billing ON_DEMAND = new Billing(0, 0);

	/**
	 * Provisioned billing.
	 * @param readCapacity read capacity units, at least 1
	 * @param writeCapacity write capacity units, at least 1
	 * @return the billing choice
	 */
	public static Billing provisioned(long readCapacity, long writeCapacity) {
		return new Billing(readCapacity, writeCapacity);
	}

	/**
	 * The billing of capacities that may be absent: on-demand when neither is set (or
	 * both are 0), else provisioned.
	 * @param readCapacity read capacity units, or {@code null}
	 * @param writeCapacity write capacity units, or {@code null}
	 * @return the billing choice
	 */
	public static Billing of(@Nullable Long readCapacity, @Nullable Long writeCapacity) {
		long read = (readCapacity != null) ? readCapacity : 0;
		long write = (writeCapacity != null) ? writeCapacity : 0;
		return (read == 0 && write == 0) ? ON_DEMAND : provisioned(read, write);
	}

	/**
	 * Whether this is on-demand billing.
	 * @return {@code true} for on-demand
	 */
	public boolean isOnDemand() {
		return this.readCapacity == 0;
	}

}
