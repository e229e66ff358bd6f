package io.dynamodown.internal.changes;

import io.dynamodown.changes.StartPosition;
import org.jspecify.annotations.Nullable;

/**
 * A shard a subscriber holds: its lease, set by the lease thread, and its read position,
 * kept by the delivery thread alone.
 */
final class HeldShard {

	private final String shardId;

	private final StartPosition firstRead;

	/** When the lease ends unless renewed, epoch milliseconds of the store's clock. */
	private volatile long until;

	/** The lease round asked to hand the shard back. */
	private volatile boolean releaseRequested;

	/** Another subscriber holds the shard now, or the shard is gone. */
	private volatile boolean lost;

	private @Nullable String iterator;

	/**
	 * The iterator from which the shard goes on after everything handled so far: the
	 * first one, or the next one of the last read handled whole.
	 */
	private volatile @Nullable String resumeFrom;

	private boolean inherited;

	private volatile @Nullable String handled;

	private @Nullable String checkpointed;

	private long nextPoll = System.nanoTime();

	private boolean fromOldest;

	/**
	 * A shard just taken. One without a checkpoint whose last holder left where it rests
	 * goes on from there; should that iterator have expired, from its oldest record, so
	 * that no change is lost.
	 * @param lease the shard's record
	 * @param firstRead where the consumer reads a shard without a checkpoint
	 */
	HeldShard(ShardLease lease, StartPosition firstRead) {
		this.shardId = lease.shardId();
		this.until = lease.until();
		this.handled = lease.sequence();
		this.checkpointed = lease.sequence();
		this.inherited = lease.sequence() == null && lease.iterator() != null;
		this.firstRead = this.inherited ? StartPosition.TRIM_HORIZON : firstRead;
		this.iterator = this.inherited ? lease.iterator() : null;
		this.resumeFrom = this.iterator;
	}

	String shardId() {
		return this.shardId;
	}

	/**
	 * Where the shard is read from when it has no checkpoint.
	 */
	StartPosition firstRead() {
		return this.firstRead;
	}

	long until() {
		return this.until;
	}

	void renewedUntil(long until) {
		this.until = until;
	}

	boolean releaseRequested() {
		return this.releaseRequested;
	}

	void requestRelease() {
		this.releaseRequested = true;
	}

	boolean lost() {
		return this.lost;
	}

	void markLost() {
		this.lost = true;
	}

	@Nullable String iterator() {
		return this.iterator;
	}

	void iterator(@Nullable String iterator) {
		this.iterator = iterator;
	}

	/**
	 * Records the iterator from which the shard goes on after everything handled so far.
	 * @param iterator the iterator
	 */
	void resumeFrom(String iterator) {
		this.resumeFrom = iterator;
	}

	/**
	 * Where the shard rests while nothing of it was handled: for the lease round to keep
	 * in the shard's record, so that a next holder loses nothing.
	 * @return the iterator, or {@code null} once the shard has a checkpoint
	 */
	@Nullable String resting() {
		return (this.handled == null) ? this.resumeFrom : null;
	}

	/**
	 * Whether the shard is read from the iterator its last holder left.
	 */
	boolean inherited() {
		return this.inherited && this.handled == null;
	}

	/**
	 * Gives up the iterator the last holder left (it expired): the shard is read from its
	 * oldest record instead.
	 */
	void forgetInherited() {
		this.inherited = false;
		this.iterator = null;
		this.resumeFrom = null;
	}

	/**
	 * The sequence number of the last record handled (delivered, or found to be no
	 * change), or {@code null} before the first.
	 */
	@Nullable String handled() {
		return this.handled;
	}

	void handled(String sequence) {
		this.handled = sequence;
		this.fromOldest = false;
	}

	/**
	 * The handled sequence number not yet recorded in the checkpoint, or {@code null}.
	 */
	@Nullable String unrecorded() {
		return (this.handled != null && !this.handled.equals(this.checkpointed)) ? this.handled : null;
	}

	void recorded(String sequence) {
		this.checkpointed = sequence;
	}

	/**
	 * Whether the shard is read again from its oldest record: its checkpoint is past the
	 * retention, and no record was handled since.
	 */
	boolean fromOldest() {
		return this.fromOldest;
	}

	void readFromOldest() {
		this.fromOldest = true;
		this.iterator = null;
	}

	long nextPoll() {
		return this.nextPoll;
	}

	void nextPoll(long nanoTime) {
		this.nextPoll = nanoTime;
	}

}
