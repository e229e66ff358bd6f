package io.dynamodown.metrics;

/**
 * Notified of every DynamoDB request a store makes, on the thread that made it.
 * Implementations must be fast and thread-safe and must not throw; the Spring Boot
 * starter binds one to Micrometer.
 */
public interface RequestListener {

	/** A listener that ignores everything. */
	RequestListener NONE = (event) -> {
	};

	/**
	 * Called once a request has completed, successfully or not.
	 * @param event the request
	 */
	void onRequest(RequestEvent event);

	/**
	 * Called before the store retries a request (throttling, server errors, unprocessed
	 * items).
	 * @param event the retry
	 */
	default void onRetry(RetryEvent event) {
	}

	/**
	 * Called when an operation skips a stored item it cannot read (maintenance, or the
	 * chunks of a value a write replaced), and goes on with the rest.
	 * @param event the item skipped
	 */
	default void onMalformedItem(MalformedItemEvent event) {
	}

	/**
	 * Called when a subscription finds that changes it had not delivered are no longer
	 * held by the table's stream (a checkpoint older than the retention, a shard trimmed
	 * before it was finished, a replaced stream), and goes on from the oldest change
	 * still held.
	 * @param event what was lost
	 */
	default void onChangesLost(ChangesLostEvent event) {
	}

}
