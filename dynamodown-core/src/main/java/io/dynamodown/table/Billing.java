package io.dynamodown.table;

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
		if (readCapacity < 0 || writeCapacity < 0) {
			throw new IllegalArgumentException(
					"capacities must not be negative, were read " + readCapacity + ", write " + writeCapacity);
		}
		if ((readCapacity == 0) != (writeCapacity == 0)) {
			throw new IllegalArgumentException("provisioned billing needs both read and write capacity, were read "
					+ readCapacity + ", write " + writeCapacity);
		}
	}

	/**
	 * Provisioned billing.
	 * @param readCapacity read capacity units, at least 1
	 * @param writeCapacity write capacity units, at least 1
	 * @return the billing choice
	 */
	public static Billing provisioned(long readCapacity, long writeCapacity) {
		if (readCapacity < 1 || writeCapacity < 1) {
			throw new IllegalArgumentException("provisioned capacities must be at least 1, were read " + readCapacity
					+ ", write " + writeCapacity);
		}
		return new Billing(readCapacity, writeCapacity);
	}

	/**
	 * Whether this is on-demand billing.
	 * @return {@code true} for on-demand
	 */
	public boolean isOnDemand() {
		return this.readCapacity == 0;
	}

}
