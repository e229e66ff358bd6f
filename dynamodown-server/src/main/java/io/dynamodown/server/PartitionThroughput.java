package io.dynamodown.server;

/**
 * The most capacity units one partition-key value of a table may consume a second, as
 * DynamoDB limits each partition (about 3,000 read and 1,000 write units; one
 * partition-key value never spreads over several partitions for its throughput). Zero
 * means no limit, for reads or writes alone; {@link #UNLIMITED} is the server's default.
 * <p>
 * Units are counted as the server reports consumed capacity: reads per 4 KB (half when
 * eventually consistent), writes per KB, transactions twice, {@code Query} and
 * {@code Scan} pages by the bytes they read. Each value may consume one second of its cap
 * at once and refills at the cap.
 *
 * @param readUnitsPerSecond the read capacity units one partition-key value may consume a
 * second, {@code 0} for no limit
 * @param writeUnitsPerSecond the write capacity units one partition-key value may consume
 * a second, {@code 0} for no limit
 */
public record PartitionThroughput(long readUnitsPerSecond, long writeUnitsPerSecond) {

	/** No limit on reads or writes: the default. */
	public static final PartitionThroughput UNLIMITED = new PartitionThroughput(0, 0);

	/** DynamoDB's limits of one partition: 3,000 read and 1,000 write units a second. */
	public static final PartitionThroughput DYNAMODB = new PartitionThroughput(3000, 1000);

	/**
	 * Creates caps.
	 * @param readUnitsPerSecond the read capacity units one partition-key value may
	 * consume a second, {@code 0} for no limit
	 * @param writeUnitsPerSecond the write capacity units one partition-key value may
	 * consume a second, {@code 0} for no limit
	 * @throws IllegalArgumentException if either is negative
	 */
	public PartitionThroughput {
		if (readUnitsPerSecond < 0) {
			throw new IllegalArgumentException(
					"'readUnitsPerSecond' must be 0 (no limit) or more, was " + readUnitsPerSecond);
		}
		if (writeUnitsPerSecond < 0) {
			throw new IllegalArgumentException(
					"'writeUnitsPerSecond' must be 0 (no limit) or more, was " + writeUnitsPerSecond);
		}
	}

	/**
	 * Returns whether neither reads nor writes are limited.
	 * @return whether both caps are zero
	 */
	public boolean isUnlimited() {
		return this.readUnitsPerSecond == 0 && this.writeUnitsPerSecond == 0;
	}

}
