package io.dynamodown.boot.changes;

import io.dynamodown.Change;

/**
 * Receives the changes of a {@link io.dynamodown.LevelDb} store. Define one as a bean and
 * the starter subscribes it ({@link io.dynamodown.LevelDb#subscribe}) once the
 * application context is refreshed, and closes the subscription before the store is
 * closed. A listener bean qualified with the name of an entry of
 * {@code dynamodown.stores.<name>} ({@code @Qualifier("orders")}) receives that store's
 * changes; any other receives those of the single (or primary) store.
 * <p>
 * Delivery is at least once: a change may arrive again after a restart or a failure, so
 * handle it idempotently. Changes of one key arrive in order, one at a time, on a thread
 * of the subscription. A listener that throws receives the same change again after a
 * back-off ({@code dynamodown.changes.handler-retry.*}); past the retries the
 * subscription stops and the store's health says so.
 */
@FunctionalInterface
public interface LevelDbChangeListener {

	/**
	 * Handles one change.
	 * @param change the change: its key, kind, value and previous value
	 */
	void onChange(Change change);

}
