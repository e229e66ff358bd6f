package io.dynamodown.internal.changes;

import java.util.Arrays;

import io.dynamodown.internal.layout.KeyLayout;

/**
 * Which part of the table a subscription follows: the partition-key values of its
 * database, and within them the keys of the view subscribed on.
 *
 * @param layout the database's key layout
 * @param viewPrefix the key prefix of the view subscribed on, empty for the root
 */
public record FeedScope(KeyLayout layout, byte[] viewPrefix) {

	/**
	 * Whether a partition-key value holds keys of the database: the partition key of one
	 * of its shards (the hash key alone for a database of one shard).
	 * @param partitionKey the value
	 * @return {@code true} for one of the database's
	 */
	public boolean holdsKeysOf(String partitionKey) {
		return this.layout.isPartitionKey(partitionKey);
	}

	/**
	 * The partition-key value under which the feed keeps its own records (checkpoints,
	 * leases, members): the database's hash key.
	 * @return the value
	 */
	public String recordsHashKey() {
		return this.layout.hashKey();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FeedScope scope && this.layout.equals(scope.layout)
				&& Arrays.equals(this.viewPrefix, scope.viewPrefix);
	}

	@Override
	public int hashCode() {
		return 31 * this.layout.hashCode() + Arrays.hashCode(this.viewPrefix);
	}

	@Override
	public String toString() {
		return "FeedScope[" + this.layout.table() + "/" + this.layout.hashKey() + ", prefix of "
				+ this.viewPrefix.length + " bytes]";
	}

}
