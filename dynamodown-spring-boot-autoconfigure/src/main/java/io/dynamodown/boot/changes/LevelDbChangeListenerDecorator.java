package io.dynamodown.boot.changes;

/**
 * Wraps the calls of the change listeners of one subscription, to measure or observe
 * them. Decorator beans are applied in {@code @Order}, the first outermost; a decorator
 * must call the listener it wraps and let its exceptions through, so that the
 * subscription retries the change.
 */
@FunctionalInterface
public interface LevelDbChangeListenerDecorator {

	/**
	 * Wraps the listener of a subscription.
	 * @param listener the listener (every listener bean of the store, called in order)
	 * @param subscription the table and consumer name of the subscription
	 * @return the listener to call instead
	 */
	LevelDbChangeListener decorate(LevelDbChangeListener listener, ChangeSubscriptionName subscription);

}
