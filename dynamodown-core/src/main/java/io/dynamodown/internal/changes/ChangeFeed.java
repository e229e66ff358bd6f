package io.dynamodown.internal.changes;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.dynamodown.changes.SubscriptionOptions;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.request.RequestRunner;
import io.dynamodown.internal.storage.DynamoStorage;
import io.dynamodown.internal.table.TableManager;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The change feed of one store: starts subscriptions of its views, and stops them when
 * the store closes.
 */
public final class ChangeFeed implements AutoCloseable {

	private final RequestRunner runner;

	private final KeyLayout layout;

	private final TableManager tables;

	private final ImageValues values;

	private final Clock clock;

	private final StreamsClients clients;

	private final Duration closeTimeout;

	private final Set<FeedSubscription> running = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the feed of a store.
	 * @param runner sends and reports the requests
	 * @param layout the database's key layout
	 * @param tables describes the table, to find its stream
	 * @param storage reads the values of images as the store reads items
	 * @param clock the store's clock: leases, and the time of a record without one
	 * @param clients the DynamoDB Streams client
	 * @param closeTimeout how long closing a subscription waits for it
	 */
	public ChangeFeed(RequestRunner runner, KeyLayout layout, TableManager tables, DynamoStorage storage, Clock clock,
			StreamsClients clients, Duration closeTimeout) {
		this.runner = runner;
		this.layout = layout;
		this.tables = tables;
		this.values = new StoredImageValues(storage);
		this.clock = clock;
		this.clients = clients;
		this.closeTimeout = closeTimeout;
	}

	/**
	 * Starts a subscription: checks the table's stream, creates the consumer's record
	 * when it has none, takes its share of the shards (positioned before this returns, so
	 * that a consumer starting from the latest record sees every change made after), then
	 * delivers on threads of its own.
	 * @param names the consumer and the view subscribed on
	 * @param options how to read
	 * @param handler receives each change of the view
	 * @return the running subscription
	 * @throws io.dynamodown.internal.failure.StoreFailure
	 * {@link io.dynamodown.internal.failure.StoreFailure.Kind#STREAM_UNAVAILABLE} when
	 * the table has no usable stream or no streams client can be had, another kind when a
	 * request fails
	 */
	public FeedSubscription subscribe(FeedNames names, SubscriptionOptions options, Consumer<DecodedChange> handler) {
		String streamArn = StreamCheck.streamArnOf(this.tables.describe());
		FeedScope scope = new FeedScope(this.layout, names.viewPrefix());
		StreamReader reader = new StreamReader(this.runner, this.clients.get());
		FeedSubscription subscription = new FeedSubscription(this, names, scope, reader, streamArn, options, handler);
		this.running.add(subscription);
		try {
			subscription.start();
		}
		catch (RuntimeException ex) {
			this.running.remove(subscription);
			throw ex;
		}
		return subscription;
	}

	/**
	 * Closes every running subscription (each hands its shards back), then the streams
	 * client the store built, if any.
	 */
	@Override
	public void close() {
		List.copyOf(this.running).forEach(FeedSubscription::close);
		this.clients.close();
	}

	void stopped(FeedSubscription subscription) {
		this.running.remove(subscription);
	}

	RequestRunner runner() {
		return this.runner;
	}

	KeyLayout layout() {
		return this.layout;
	}

	TableManager tables() {
		return this.tables;
	}

	ImageValues values() {
		return this.values;
	}

	Clock clock() {
		return this.clock;
	}

	Duration closeTimeout() {
		return this.closeTimeout;
	}

	/**
	 * Image values read through the store's storage.
	 */
	private record StoredImageValues(DynamoStorage storage) implements ImageValues {

		@Override
		public byte @Nullable [] inline(byte[] key, Map<String, AttributeValue> image) {
			return this.storage.imageValue(key, image, false);
		}

		@Override
		public byte @Nullable [] whole(byte[] key, Map<String, AttributeValue> image) {
			return this.storage.imageValue(key, image, true);
		}

		@Override
		public Optional<byte[]> current(byte[] key) {
			return this.storage.get(key);
		}

	}

}
