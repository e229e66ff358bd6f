package io.dynamodown.boot.autoconfigure.changes;

import java.time.Duration;

import io.dynamodown.changes.StartPosition;
import io.dynamodown.changes.SubscriptionOptions;
import io.dynamodown.retry.RetryPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the change feed: how the starter subscribes the
 * {@link io.dynamodown.boot.changes.LevelDbChangeListener} beans. The defaults and rules
 * are the core's ({@link SubscriptionOptions}).
 */
@ConfigurationProperties("dynamodown.changes")
public class LevelDbChangesProperties {

	/**
	 * Whether to subscribe the LevelDbChangeListener beans.
	 */
	private boolean enabled = true;

	/**
	 * Consumer name of the subscriptions: instances with the same name share the stream's
	 * shards and its checkpoints. 1 to 128 characters of [A-Za-z0-9_.-]. Defaults to
	 * spring.application.name.
	 */
	private @Nullable String consumer;

	/**
	 * Where a consumer that has never run starts: 'latest' (changes made after its first
	 * subscription) or 'trim-horizon' (the oldest change the stream holds, 24 hours). A
	 * consumer that has run resumes from its checkpoints.
	 */
	private StartPosition startPosition = SubscriptionOptions.DEFAULT.startPosition();

	/**
	 * How long a subscription waits before reading a shard again after a read that
	 * brought nothing: the delay of a change, on average half of it. 1ms to 5m.
	 */
	private Duration pollInterval = SubscriptionOptions.DEFAULT.pollInterval();

	/**
	 * Most changes one read of a shard takes, and so the most delivered between two
	 * checkpoints. 1 to 1000.
	 */
	private int batchSize = SubscriptionOptions.DEFAULT.batchSize();

	/**
	 * How long an instance's claim on a shard lasts without renewal: the time after which
	 * the shards of an instance that died are taken over. Renewed every third of it. 1s
	 * to 1h.
	 */
	private Duration leaseDuration = SubscriptionOptions.DEFAULT.leaseDuration();

	private final HandlerRetry handlerRetry = new HandlerRetry();

	/**
	 * Returns whether to subscribe the LevelDbChangeListener beans.
	 * @return the value
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether to subscribe the LevelDbChangeListener beans.
	 * @param enabled the value
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Returns the consumer name of the subscriptions.
	 * @return the name, or {@code null} for {@code spring.application.name}
	 */
	public @Nullable String getConsumer() {
		return this.consumer;
	}

	/**
	 * Sets the consumer name of the subscriptions.
	 * @param consumer the name, or {@code null} for {@code spring.application.name}
	 */
	public void setConsumer(@Nullable String consumer) {
		this.consumer = consumer;
	}

	/**
	 * Returns where a consumer that has never run starts.
	 * @return the value
	 */
	public StartPosition getStartPosition() {
		return this.startPosition;
	}

	/**
	 * Sets where a consumer that has never run starts.
	 * @param startPosition the value
	 */
	public void setStartPosition(StartPosition startPosition) {
		this.startPosition = startPosition;
	}

	/**
	 * Returns how long a subscription waits before reading a shard again after a read
	 * that brought nothing.
	 * @return the value
	 */
	public Duration getPollInterval() {
		return this.pollInterval;
	}

	/**
	 * Sets how long a subscription waits before reading a shard again after a read that
	 * brought nothing.
	 * @param pollInterval the value
	 */
	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	/**
	 * Returns the most changes one read of a shard takes.
	 * @return the value
	 */
	public int getBatchSize() {
		return this.batchSize;
	}

	/**
	 * Sets the most changes one read of a shard takes.
	 * @param batchSize the value
	 */
	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	/**
	 * Returns how long an instance's claim on a shard lasts without renewal.
	 * @return the value
	 */
	public Duration getLeaseDuration() {
		return this.leaseDuration;
	}

	/**
	 * Sets how long an instance's claim on a shard lasts without renewal.
	 * @param leaseDuration the value
	 */
	public void setLeaseDuration(Duration leaseDuration) {
		this.leaseDuration = leaseDuration;
	}

	/**
	 * Returns how a listener that throws is retried.
	 * @return the settings
	 */
	public HandlerRetry getHandlerRetry() {
		return this.handlerRetry;
	}

	/**
	 * The options of a subscription, as the core checks them when the listeners are
	 * subscribed.
	 * @return the options
	 */
	public SubscriptionOptions toOptions() {
		return SubscriptionOptions.DEFAULT.withStartPosition(this.startPosition)
			.withPollInterval(this.pollInterval)
			.withBatchSize(this.batchSize)
			.withLeaseDuration(this.leaseDuration)
			.withHandlerRetry(new RetryPolicy(this.handlerRetry.maxAttempts, this.handlerRetry.baseDelay,
					this.handlerRetry.maxDelay, this.handlerRetry.deadline));
	}

	/**
	 * How a listener that throws is retried: the same change again, later changes
	 * waiting. Past the attempts or the deadline, the subscription stops.
	 */
	public static class HandlerRetry {

		/**
		 * Attempts per change, the first included.
		 */
		private int maxAttempts = SubscriptionOptions.DEFAULT_HANDLER_RETRY.maxAttempts();

		/**
		 * Delay before the first retry, doubled for each further one.
		 */
		private Duration baseDelay = SubscriptionOptions.DEFAULT_HANDLER_RETRY.baseDelay();

		/**
		 * Longest delay between two attempts.
		 */
		private Duration maxDelay = SubscriptionOptions.DEFAULT_HANDLER_RETRY.maxDelay();

		/**
		 * Longest time spent on one change.
		 */
		private Duration deadline = SubscriptionOptions.DEFAULT_HANDLER_RETRY.deadline();

		/**
		 * Returns the attempts per change.
		 * @return the value
		 */
		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * Sets the attempts per change.
		 * @param maxAttempts the value
		 */
		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		/**
		 * Returns the delay before the first retry.
		 * @return the value
		 */
		public Duration getBaseDelay() {
			return this.baseDelay;
		}

		/**
		 * Sets the delay before the first retry.
		 * @param baseDelay the value
		 */
		public void setBaseDelay(Duration baseDelay) {
			this.baseDelay = baseDelay;
		}

		/**
		 * Returns the longest delay between two attempts.
		 * @return the value
		 */
		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		/**
		 * Sets the longest delay between two attempts.
		 * @param maxDelay the value
		 */
		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		/**
		 * Returns the longest time spent on one change.
		 * @return the value
		 */
		public Duration getDeadline() {
			return this.deadline;
		}

		/**
		 * Sets the longest time spent on one change.
		 * @param deadline the value
		 */
		public void setDeadline(Duration deadline) {
			this.deadline = deadline;
		}

	}

}
