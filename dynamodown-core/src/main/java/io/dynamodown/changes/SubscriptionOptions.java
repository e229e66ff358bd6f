package io.dynamodown.changes;

import java.time.Duration;

import io.dynamodown.retry.RetryPolicy;

/**
 * How a subscription reads the change feed. Immutable; each {@code with…} method answers
 * a copy with one option changed. {@code LevelDb.subscribe} checks the options before any
 * request, and refuses one out of range with an {@code InvalidOptionException} naming it
 * ({@code options.pollInterval}, {@code options.handlerRetry.maxDelay}), its value and
 * its rule:
 *
 * <pre>{@code
 * SubscriptionOptions options = SubscriptionOptions.DEFAULT
 *     .withStartPosition(StartPosition.TRIM_HORIZON)
 *     .withPollInterval(Duration.ofMillis(250));
 * }</pre>
 *
 * @param startPosition where a consumer that has never run starts; default
 * {@link StartPosition#LATEST}
 * @param pollInterval how long a subscription waits before reading a shard again after a
 * read that brought nothing; default 1 second. A read that brought changes is followed at
 * once by the next.
 * @param batchSize the most stream records one {@code GetRecords} returns, and so the
 * most changes delivered between two checkpoints of a shard; default 100
 * @param leaseDuration how long a subscriber's claim on a shard (and its membership)
 * lasts without renewal: the time after which the shards of a subscriber that died are
 * taken over. Renewed every third of it; default 30 seconds
 * @param handlerRetry how a change whose handler throws is retried: attempts (the first
 * included), back-off, and the longest time spent on one change. Past it the subscription
 * stops with {@link io.dynamodown.ErrorCode#HANDLER_FAILED}; default 10 attempts, 100 ms
 * doubling up to 10 s, at most 5 minutes
 */
public record SubscriptionOptions(StartPosition startPosition, Duration pollInterval, int batchSize,
		Duration leaseDuration, RetryPolicy handlerRetry) {

	/** The shortest poll interval: 1 millisecond. */
	public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(1);

	/**
	 * The longest poll interval: 5 minutes, well inside the 15 minutes a shard iterator
	 * lives.
	 */
	public static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(5);

	/** The most records DynamoDB Streams returns from one {@code GetRecords}: 1000. */
	public static final int MAX_BATCH_SIZE = 1000;

	/** The shortest lease: 1 second. */
	public static final Duration MIN_LEASE_DURATION = Duration.ofSeconds(1);

	/** The longest lease: 1 hour. */
	public static final Duration MAX_LEASE_DURATION = Duration.ofHours(1);

	/** The default retry of a failing handler: 10 attempts, 100 ms to 10 s, 5 minutes. */
	public static final RetryPolicy DEFAULT_HANDLER_RETRY = new RetryPolicy(10, Duration.ofMillis(100),
			Duration.ofSeconds(10), Duration.ofMinutes(5));

	/** The defaults: from now, 1 s polls, 100 records a read, 30 s leases. */
	public static final SubscriptionOptions DEFAULT = new SubscriptionOptions(StartPosition.LATEST,
			Duration.ofSeconds(1), 100, Duration.ofSeconds(30), DEFAULT_HANDLER_RETRY);

	/**
	 * These options with another start position.
	 * @param startPosition where a consumer that has never run starts
	 * @return the options
	 */
	public SubscriptionOptions withStartPosition(StartPosition startPosition) {
		return new SubscriptionOptions(startPosition, this.pollInterval, this.batchSize, this.leaseDuration,
				this.handlerRetry);
	}

	/**
	 * These options with another poll interval.
	 * @param pollInterval {@link #MIN_POLL_INTERVAL} to {@link #MAX_POLL_INTERVAL}
	 * @return the options
	 */
	public SubscriptionOptions withPollInterval(Duration pollInterval) {
		return new SubscriptionOptions(this.startPosition, pollInterval, this.batchSize, this.leaseDuration,
				this.handlerRetry);
	}

	/**
	 * These options with another batch size.
	 * @param batchSize 1 to {@value #MAX_BATCH_SIZE}
	 * @return the options
	 */
	public SubscriptionOptions withBatchSize(int batchSize) {
		return new SubscriptionOptions(this.startPosition, this.pollInterval, batchSize, this.leaseDuration,
				this.handlerRetry);
	}

	/**
	 * These options with another lease duration.
	 * @param leaseDuration {@link #MIN_LEASE_DURATION} to {@link #MAX_LEASE_DURATION}
	 * @return the options
	 */
	public SubscriptionOptions withLeaseDuration(Duration leaseDuration) {
		return new SubscriptionOptions(this.startPosition, this.pollInterval, this.batchSize, leaseDuration,
				this.handlerRetry);
	}

	/**
	 * These options with another retry of a failing handler.
	 * @param handlerRetry the retry policy: at least 1 attempt, a base delay not
	 * negative, a longest delay not shorter than the base delay, a positive deadline
	 * @return the options
	 */
	public SubscriptionOptions withHandlerRetry(RetryPolicy handlerRetry) {
		return new SubscriptionOptions(this.startPosition, this.pollInterval, this.batchSize, this.leaseDuration,
				handlerRetry);
	}

	/**
	 * How often a subscriber renews its leases and membership, looks for free shards and
	 * balances them with the other subscribers: a third of the lease.
	 * @return the interval
	 */
	public Duration renewInterval() {
		return this.leaseDuration.dividedBy(3);
	}

}
