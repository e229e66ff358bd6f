package io.dynamodown.internal.changes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.dynamodown.changes.StartPosition;
import io.dynamodown.changes.SubscriptionOptions;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.retry.RetryPolicy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;

/**
 * One subscriber of a consumer name, on two daemon threads of its own.
 * <ul>
 * <li>The <em>lease</em> thread, every third of the lease: renews its membership and its
 * leases, reads the consumer's records, reports and forgets shards trimmed from the
 * stream, then takes free shards and hands back surplus ones as {@link LeasePlanner}
 * decides.</li>
 * <li>The <em>delivery</em> thread: reads each shard it holds ({@code GetRecords}), hands
 * each change to the handler in order (retried with back-off while it throws), and after
 * each read records the checkpoint, conditional on still holding the shard. A shard read
 * to its end is marked ended, which makes its children eligible.</li>
 * </ul>
 * A shard whose lease was not renewed in time is not read until it is; one lost to
 * another subscriber is dropped. Closing stops after the change in hand, records it, and
 * hands every shard back.
 */
public final class FeedSubscription {

	private static final Logger logger = LoggerFactory.getLogger(FeedSubscription.class);

	/** How often the stream's shards are listed again without a reason to. */
	private static final Duration SHARD_REFRESH = Duration.ofSeconds(60);

	private final String id = UUID.randomUUID().toString();

	private final ChangeFeed feed;

	private final FeedNames names;

	private final FeedTable table;

	private final StreamReader reader;

	private final RecordDecoder decoder;

	private final SubscriptionOptions options;

	private final Consumer<DecodedChange> handler;

	private final String label;

	private final Map<String, HeldShard> held = new ConcurrentHashMap<>();

	private final Signal deliveryWake = new Signal();

	private final Signal leaseWake = new Signal();

	private final CompletableFuture<Void> stopped = new CompletableFuture<>();

	private final Object stopLock = new Object();

	private volatile boolean stopping;

	private volatile @Nullable StoreFailure failure;

	private volatile String streamArn;

	private volatile boolean shardsStale = true;

	private List<Shard> shards = List.of();

	private long shardsReadAt;

	private @Nullable ConsumerState consumer;

	private @Nullable Thread leaseThread;

	private @Nullable Thread deliveryThread;

	FeedSubscription(ChangeFeed feed, FeedNames names, FeedScope scope, StreamReader reader, String streamArn,
			SubscriptionOptions options, Consumer<DecodedChange> handler) {
		this.feed = feed;
		this.names = names;
		this.table = new FeedTable(feed.runner(), scope, names);
		this.reader = reader;
		this.decoder = new RecordDecoder(scope, feed.values(), feed.clock());
		this.streamArn = streamArn;
		this.options = options;
		this.handler = handler;
		String view = (names.viewPrefix().length == 0) ? ""
				: " sublevel " + new String(names.viewPrefix(), StandardCharsets.UTF_8);
		this.label = feed.layout().table() + "/" + feed.layout().hashKey() + view + " consumer '" + names.consumer()
				+ "' (subscriber " + this.id.substring(0, 8) + ")";
	}

	/**
	 * The consumer name.
	 * @return the name
	 */
	public String consumer() {
		return this.names.consumer();
	}

	/**
	 * Whether changes are being delivered.
	 * @return {@code false} once stopping or stopped
	 */
	public boolean isActive() {
		return !this.stopping;
	}

	/**
	 * How many shards this subscriber holds now.
	 * @return the number of shards, 0 once stopped
	 */
	public int shardsHeld() {
		return this.held.size();
	}

	/**
	 * Why the subscription stopped on its own.
	 * @return the failure, or {@code null}
	 */
	public @Nullable StoreFailure failure() {
		return this.failure;
	}

	/**
	 * Completes when stopped and its shards are handed back: exceptionally with the
	 * failure, if any.
	 * @return the future
	 */
	public CompletableFuture<Void> stopped() {
		return this.stopped;
	}

	/**
	 * Stops after the change in hand and waits (at most the store's close timeout) until
	 * the shards are handed back; from the handler's own thread it only asks.
	 */
	public void close() {
		stop();
		if (Thread.currentThread() == this.deliveryThread) {
			return;
		}
		try {
			this.stopped.get(this.feed.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			// the failure is the subscription's to report, not the closer's
		}
		catch (TimeoutException ex) {
			logger.warn("Closing the subscription of {}: still delivering after {}", this.label,
					this.feed.closeTimeout());
		}
	}

	/**
	 * Creates the consumer's record if needed, takes a first share of the shards and
	 * positions them, then starts the threads.
	 */
	void start() {
		FeedTable.Snapshot snapshot = this.table.read();
		ConsumerState existing = snapshot.consumer();
		this.consumer = (existing != null) ? existing : this.table.createConsumer(proposal());
		leaseRound();
		for (HeldShard shard : this.held.values()) {
			positionQuietly(shard);
		}
		String threads = "dynamodown-changes-" + this.feed.layout().table() + "-" + this.names.consumer() + "-"
				+ this.id.substring(0, 8);
		this.leaseThread = daemon(threads + "-leases", this::leaseLoop);
		this.deliveryThread = daemon(threads + "-delivery", this::deliveryLoop);
		this.leaseThread.start();
		this.deliveryThread.start();
		logger.info("Subscribed to the changes of {}", this.label);
	}

	private ConsumerState proposal() {
		Set<String> open = new HashSet<>();
		Set<String> closed = new HashSet<>();
		if (this.options.startPosition() == StartPosition.LATEST) {
			refreshShards();
			this.shards.forEach((shard) -> (shard.closed() ? closed : open).add(shard.id()));
		}
		return new ConsumerState(this.streamArn, this.options.startPosition(), this.feed.clock().millis(), open,
				closed);
	}

	private static Thread daemon(String name, Runnable loop) {
		Thread thread = new Thread(loop, name);
		thread.setDaemon(true);
		return thread;
	}

	// the lease thread

	private void leaseLoop() {
		long interval = this.options.renewInterval().toNanos();
		boolean failingBefore = false;
		while (!this.stopping) {
			this.leaseWake.await(interval);
			if (this.stopping) {
				break;
			}
			try {
				leaseRound();
				if (failingBefore) {
					logger.info("Lease rounds of {} succeed again", this.label);
				}
				failingBefore = false;
			}
			catch (StoreFailure ex) {
				if (isFatal(ex)) {
					fail(ex);
				}
				else if (!failingBefore) {
					logger.warn("Lease round of {} failed, retried every {}: {}", this.label,
							this.options.renewInterval(), ex.getMessage());
					failingBefore = true;
				}
			}
			catch (RuntimeException ex) {
				fail(new StoreFailure(Kind.REQUEST_FAILED, "lease round of " + this.label + " failed", ex));
			}
		}
	}

	/**
	 * One lease round: membership and renewals, the stream's shards when due, the
	 * consumer's records, trimmed shards, then the plan.
	 */
	private void leaseRound() {
		long now = this.feed.clock().millis();
		long until = now + this.options.leaseDuration().toMillis();
		// membership and leases first, so that a failure further on leaves them renewed
		this.table.putMember(this.id, until);
		renew(until);
		if (this.shardsStale || System.nanoTime() - this.shardsReadAt > SHARD_REFRESH.toNanos()) {
			refreshShards();
		}
		FeedTable.Snapshot snapshot = this.table.read();
		ConsumerState state = followStream(snapshot.consumer());
		forgetTrimmed(snapshot, state, now);
		LeasePlan plan = LeasePlanner.plan(this.id, now, this.shards, snapshot.leases(), snapshot.members(), state);
		for (String shardId : plan.release()) {
			HeldShard shard = this.held.get(shardId);
			if (shard != null) {
				shard.requestRelease();
			}
		}
		for (String shardId : plan.acquire()) {
			ShardLease lease = this.table.acquire(shardId, this.id, now, until);
			if (lease != null) {
				HeldShard current = this.held.get(shardId);
				if (current != null && !current.lost() && !current.releaseRequested()) {
					current.renewedUntil(until);
				}
				else {
					HeldShard taken = new HeldShard(lease, state.firstReadOf(shardId));
					String gap = RetentionGaps.possibleGap(taken, this.shards, snapshot.leases(), now);
					if (gap != null) {
						lost(shardId, gap);
					}
					this.held.put(shardId, taken);
					logger.debug("{} took shard {}", this.label, shardId);
				}
			}
		}
		this.deliveryWake.raise();
	}

	/**
	 * The consumer's record, moved to the table's current stream when it names another:
	 * the changes of the old stream not yet delivered are lost, and reported.
	 */
	private ConsumerState followStream(@Nullable ConsumerState read) {
		ConsumerState state = (read != null) ? read : this.consumer;
		if (state == null) {
			throw new IllegalStateException("a subscription starts with its consumer's record");
		}
		if (!state.streamArn().equals(this.streamArn)) {
			String current = StreamCheck.streamArnOf(this.feed.tables().describe());
			if (!current.equals(this.streamArn)) {
				switchStream(current);
			}
			if (!state.streamArn().equals(current)) {
				this.table.moveConsumer(state.streamArn(), current);
				lost(state.streamArn(), "the table's stream was replaced: changes of the old stream not yet"
						+ " delivered, and those made while no stream recorded them, are lost");
				state = new ConsumerState(current, state.start(), state.created(), Set.of(), Set.of());
			}
		}
		this.consumer = state;
		return state;
	}

	private void switchStream(String current) {
		logger.warn("The stream of {} changed from {} to {}", this.label, this.streamArn, current);
		this.streamArn = current;
		this.held.values().forEach(HeldShard::markLost);
		refreshShards();
	}

	private void renew(long until) {
		for (HeldShard shard : this.held.values()) {
			if (shard.lost() || shard.releaseRequested()) {
				continue;
			}
			if (this.table.renew(shard.shardId(), this.id, until, shard.resting())) {
				shard.renewedUntil(until);
			}
			else {
				shard.markLost();
				logger.debug("{} lost shard {}", this.label, shard.shardId());
			}
		}
	}

	/**
	 * Reports the shards trimmed from the stream before this consumer finished them, and
	 * deletes the records of every shard gone from it. The shards are listed again first,
	 * after the records were read, so that a shard newer than the list is not taken for a
	 * trimmed one.
	 */
	private void forgetTrimmed(FeedTable.Snapshot snapshot, ConsumerState state, long now) {
		if (LeasePlanner.vanished(this.shards, snapshot.leases()).isEmpty()) {
			return;
		}
		refreshShards();
		for (ShardLease lease : LeasePlanner.vanished(this.shards, snapshot.leases())) {
			if (!lease.ended() && !lease.heldAt(now) && !state.skips(lease.shardId())) {
				lost(lease.shardId(),
						(lease.sequence() != null)
								? "changes after sequence number " + lease.sequence()
										+ " were trimmed from the stream before this consumer read them"
								: "the shard was trimmed from the stream before this consumer read it");
			}
			if (!lease.heldAt(now)) {
				this.table.forget(lease.shardId(), now);
			}
		}
	}

	/**
	 * Lists the stream's shards; a stream that is gone or disabled sends the subscriber
	 * to the table's current stream, or stops it when the table has none.
	 */
	private void refreshShards() {
		StreamReader.Stream stream;
		try {
			stream = this.reader.describe(this.streamArn);
		}
		catch (StoreFailure ex) {
			if (ex.kind() != Kind.TABLE_MISSING) {
				throw ex;
			}
			stream = new StreamReader.Stream(StreamStatus.DISABLED, List.of());
		}
		if (stream.status() == StreamStatus.DISABLED || stream.status() == StreamStatus.DISABLING) {
			String current = StreamCheck.streamArnOf(this.feed.tables().describe());
			if (!current.equals(this.streamArn)) {
				switchStream(current);
				return;
			}
		}
		this.shards = stream.shards();
		this.shardsReadAt = System.nanoTime();
		this.shardsStale = false;
	}

	// the delivery thread

	private void deliveryLoop() {
		try {
			while (!this.stopping) {
				boolean busy = false;
				long wait = this.options.pollInterval().toNanos();
				for (HeldShard shard : List.copyOf(this.held.values())) {
					if (this.stopping) {
						break;
					}
					if (shard.lost()) {
						this.held.remove(shard.shardId(), shard);
					}
					else if (shard.releaseRequested()) {
						handBackOrRetry(shard);
					}
					else if (this.feed.clock().millis() < shard.until()) {
						long due = shard.nextPoll() - System.nanoTime();
						if (due > 0) {
							wait = Math.min(wait, due);
						}
						else {
							busy |= poll(shard);
						}
					}
				}
				if (!busy && !this.stopping) {
					this.deliveryWake.await(wait);
				}
			}
		}
		catch (RuntimeException | Error ex) {
			fail(new StoreFailure(Kind.REQUEST_FAILED, "delivery of " + this.label + " failed", ex));
		}
		finally {
			shutDown();
		}
	}

	/**
	 * Reads the next records of a shard and delivers them.
	 * @return whether records were read, so that the shard is read again at once
	 */
	private boolean poll(HeldShard shard) {
		try {
			String iterator = shard.iterator();
			if (iterator == null) {
				iterator = position(shard);
				if (iterator == null) {
					shard.markLost();
					return false;
				}
				shard.resumeFrom(iterator);
			}
			// a read that fails or stops early positions the shard again from its
			// checkpoint
			shard.iterator(null);
			GetRecordsResponse response = this.reader.records(iterator, this.options.batchSize());
			for (Record record : response.records()) {
				Delivery delivery = (this.stopping || shard.lost() || shard.releaseRequested()) ? Delivery.STOPPED
						: deliver(shard, record);
				if (delivery == Delivery.STOPPED) {
					checkpoint(shard);
					return false;
				}
				shard.handled(record.dynamodb().sequenceNumber(), delivery == Delivery.DELIVERED,
						delivery == Delivery.OTHER);
			}
			if (shard.worthRecording()) {
				checkpoint(shard);
			}
			shard.iterator(response.nextShardIterator());
			if (response.nextShardIterator() != null) {
				shard.resumeFrom(response.nextShardIterator());
			}
			else {
				finish(shard);
				return true;
			}
			boolean read = !response.records().isEmpty();
			shard.nextPoll(System.nanoTime() + (read ? 0 : this.options.pollInterval().toNanos()));
			return read;
		}
		catch (StoreFailure ex) {
			return readFailed(shard, ex);
		}
	}

	private boolean readFailed(HeldShard shard, StoreFailure ex) {
		if (StreamReader.expired(ex) && shard.inherited()) {
			logger.warn(
					"The position of shard {} of {} that its last holder left is older than 15 minutes: the shard"
							+ " is read from its oldest record, so changes made before the consumer started may arrive",
					shard.shardId(), this.label);
			shard.forgetInherited();
			return true;
		}
		if (StreamReader.expired(ex)) {
			logger.debug("Iterator of shard {} of {} expired; read again from its checkpoint", shard.shardId(),
					this.label);
			return true;
		}
		if (StreamReader.trimmed(ex)) {
			lost(shard.shardId(), "changes after sequence number " + shard.handled()
					+ " were trimmed from the stream before this consumer read them");
			shard.readFromOldest();
			return true;
		}
		if (isFatal(ex)) {
			if (ex.kind() == Kind.TABLE_MISSING) {
				this.shardsStale = true;
				this.leaseWake.raise();
			}
			else {
				fail(ex);
			}
		}
		else {
			logger.warn("Reading shard {} of {} failed, retried in {}: {}", shard.shardId(), this.label,
					this.options.pollInterval(), ex.getMessage());
		}
		shard.nextPoll(System.nanoTime() + this.options.pollInterval().toNanos());
		return false;
	}

	/**
	 * The iterator of a shard from its checkpoint, or from where the consumer reads a
	 * shard without one; a checkpoint past the retention is reported and the shard read
	 * from its oldest record.
	 */
	private @Nullable String position(HeldShard shard) {
		if (shard.fromOldest()) {
			return this.reader.iterator(this.streamArn, shard.shardId(), null, StartPosition.TRIM_HORIZON);
		}
		try {
			return this.reader.iterator(this.streamArn, shard.shardId(), shard.handled(), shard.firstRead());
		}
		catch (StoreFailure ex) {
			if (!StreamReader.trimmed(ex)) {
				throw ex;
			}
			lost(shard.shardId(), "changes after sequence number " + shard.handled()
					+ " were trimmed from the stream before this consumer read them");
			return this.reader.iterator(this.streamArn, shard.shardId(), null, StartPosition.TRIM_HORIZON);
		}
	}

	private void positionQuietly(HeldShard shard) {
		if (shard.iterator() != null) {
			return;
		}
		try {
			String iterator = position(shard);
			shard.iterator(iterator);
			if (iterator != null) {
				shard.resumeFrom(iterator);
			}
		}
		catch (StoreFailure ex) {
			logger.debug("Positioning shard {} of {} failed; done on its first read: {}", shard.shardId(), this.label,
					ex.getMessage());
		}
	}

	/**
	 * Decodes a record and hands its change, if it is one, to the handler, retried while
	 * it throws.
	 * @return what became of the record: {@link Delivery#STOPPED} when the subscription
	 * stopped before the change was handled
	 */
	private Delivery deliver(HeldShard shard, Record record) {
		if (this.decoder.isFeedRecord(record)) {
			return Delivery.FEED;
		}
		DecodedChange change;
		try {
			change = this.decoder.decode(record);
		}
		catch (StoreFailure ex) {
			if (ex.kind() != Kind.CORRUPT_ITEM) {
				throw ex;
			}
			this.feed.runner().reportMalformed("subscribe", this.decoder.fullKeyOf(record), ex.getMessage());
			logger.warn("A change of {} was skipped: {}", this.label, ex.getMessage());
			return Delivery.OTHER;
		}
		if (change == null) {
			return Delivery.OTHER;
		}
		return handle(shard, change) ? Delivery.DELIVERED : Delivery.STOPPED;
	}

	private boolean handle(HeldShard shard, DecodedChange change) {
		RetryPolicy retry = this.options.handlerRetry();
		long deadline = System.nanoTime() + retry.deadline().toNanos();
		for (int attempt = 1;; attempt++) {
			try {
				this.handler.accept(change);
				return true;
			}
			catch (Error ex) {
				checkpoint(shard);
				fail(handlerFailed(shard, change, attempt, ex));
				return false;
			}
			catch (RuntimeException ex) {
				if (attempt >= retry.maxAttempts() || System.nanoTime() >= deadline) {
					checkpoint(shard);
					fail(handlerFailed(shard, change, attempt, ex));
					return false;
				}
				if (attempt == 1) {
					checkpoint(shard);
				}
				logger.warn("The handler of {} failed on attempt {} at sequence number {}; retried: {}", this.label,
						attempt, change.sequenceNumber(), ex.toString());
				if (!pause(retry.delayBefore(attempt + 1))) {
					return false;
				}
			}
		}
	}

	private StoreFailure handlerFailed(HeldShard shard, DecodedChange change, int attempts, Throwable cause) {
		return new StoreFailure(Kind.HANDLER_FAILED,
				"the handler of " + this.label + " failed " + attempts + ((attempts == 1) ? " time" : " times")
						+ " on the " + change.kind() + " of key " + HexFormat.of().formatHex(change.key())
						+ " (hex; sequence number " + change.sequenceNumber() + " of shard " + shard.shardId()
						+ "): the subscription stopped before that change, which the next subscriber of the consumer"
						+ " name receives again",
				cause);
	}

	/**
	 * Waits a back-off, or less when the subscription stops.
	 * @return {@code false} when it stopped
	 */
	private boolean pause(Duration delay) {
		long end = System.nanoTime() + delay.toNanos();
		for (long left = delay.toNanos(); left > 0 && !this.stopping; left = end - System.nanoTime()) {
			this.deliveryWake.await(left);
		}
		return !this.stopping;
	}

	/**
	 * Records the last record handled of a shard, unless recorded already; when the
	 * subscriber no longer holds the shard, it is dropped.
	 */
	private void checkpoint(HeldShard shard) {
		String sequence = shard.unrecorded();
		if (sequence == null || shard.lost()) {
			return;
		}
		if (this.table.checkpoint(shard.shardId(), this.id, sequence)) {
			shard.recorded(sequence);
		}
		else {
			shard.markLost();
		}
	}

	private void finish(HeldShard shard) {
		if (this.table.finish(shard.shardId(), this.id, shard.unrecorded(), this.feed.clock().millis())) {
			logger.debug("{} finished shard {}", this.label, shard.shardId());
		}
		this.held.remove(shard.shardId(), shard);
		this.shardsStale = true;
		this.leaseWake.raise();
	}

	private void handBackOrRetry(HeldShard shard) {
		try {
			handBack(shard);
		}
		catch (StoreFailure ex) {
			logger.warn("Handing back shard {} of {} failed, retried: {}", shard.shardId(), this.label,
					ex.getMessage());
		}
	}

	private void handBack(HeldShard shard) {
		checkpoint(shard);
		if (!shard.lost()) {
			this.table.release(shard.shardId(), this.id, shard.resting());
		}
		this.held.remove(shard.shardId(), shard);
		logger.debug("{} handed back shard {}", this.label, shard.shardId());
	}

	// stopping

	private void stop() {
		this.stopping = true;
		this.deliveryWake.raise();
		this.leaseWake.raise();
	}

	private void fail(StoreFailure cause) {
		synchronized (this.stopLock) {
			if (this.failure == null) {
				this.failure = cause;
			}
		}
		stop();
	}

	/**
	 * On the delivery thread's way out: waits for the lease thread, records and hands
	 * back every shard, ends the membership, and completes {@link #stopped()}. A request
	 * that fails here leaves a lease to run out instead.
	 */
	private void shutDown() {
		Thread leases = this.leaseThread;
		if (leases != null) {
			try {
				leases.join(this.feed.closeTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		List<HeldShard> remaining = new ArrayList<>(this.held.values());
		this.held.clear();
		try {
			for (HeldShard shard : remaining) {
				if (!shard.lost()) {
					handBack(shard);
				}
			}
			this.table.deleteMember(this.id);
		}
		catch (StoreFailure ex) {
			logger.warn(
					"Stopping the subscription of {}: its shards were not all handed back ({});"
							+ " their leases run out after {}",
					this.label, ex.getMessage(), this.options.leaseDuration());
		}
		this.feed.stopped(this);
		StoreFailure failed = this.failure;
		if (failed != null) {
			logger.error("The subscription of {} stopped: {}", this.label, failed.getMessage(), failed.getCause());
			this.stopped.completeExceptionally(failed);
		}
		else {
			logger.info("The subscription of {} stopped", this.label);
			this.stopped.complete(null);
		}
	}

	private static boolean isFatal(StoreFailure failure) {
		return failure.kind() == Kind.TABLE_MISSING || failure.kind() == Kind.STREAM_UNAVAILABLE
				|| failure.kind() == Kind.HANDLER_FAILED;
	}

	/**
	 * What became of one stream record.
	 */
	private enum Delivery {

		/** A change, handled. */
		DELIVERED,

		/** Not a change of the view (another view or database, a chunk, unreadable). */
		OTHER,

		/**
		 * A record of the change feed's own records (checkpoints, leases, memberships):
		 * written by reading the stream, so never a reason to write a checkpoint.
		 */
		FEED,

		/** The subscription stopped before the change was handled. */
		STOPPED

	}

	private void lost(String shardId, String reason) {
		logger.warn("Changes of {} lost: {} ({})", this.label, reason, shardId);
		this.feed.runner().reportChangesLost(this.names.consumer(), shardId, reason);
	}

}
