package io.dynamodown.boot.changes;

import java.util.Objects;

/**
 * What names a subscription of the starter: the store's table and hash key, and the
 * consumer name.
 *
 * @param table the table name
 * @param hashKey the store's hash key
 * @param consumer the consumer name
 */
public record ChangeSubscriptionName(String table, String hashKey, String consumer) {

	/**
	 * Creates a name.
	 * @param table the table name
	 * @param hashKey the store's hash key
	 * @param consumer the consumer name
	 */
	public ChangeSubscriptionName {
		Objects.requireNonNull(table, "'table' must not be null");
		Objects.requireNonNull(hashKey, "'hashKey' must not be null");
		Objects.requireNonNull(consumer, "'consumer' must not be null");
	}

}
