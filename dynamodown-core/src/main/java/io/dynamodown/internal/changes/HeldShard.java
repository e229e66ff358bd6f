package io.dynamodown.internal.changes;

import io.dynamodown.changes.StartPosition;
import org.jspecify.annotations.Nullable;

/**
 * A shard a subscriber holds: its lease, set by the lease thread, and its read position,
 * kept by the delivery thread alone.
 */
final class HeldShard {

	/**
	 * How many records of other views or databases are passed over before their position
	 * is recorded without a change delivered.
	 */
	static final int OTHERS_BEFORE_CHECKPOINT = 1000;

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

	private boolean deliveredUnrecorded;

	private int otherUnrecorded;

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
	 * Where the shard rests while it has no checkpoint: for the lease round to keep in
	 * the shard's record, so that a next holder loses nothing.
	 * @return the iterator, or {@code null} once the shard has a checkpoint
	 */
	@Nullable String resting() {
		return (this.checkpointed == null) ? this.resumeFrom : null;
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

	/**
	 * Records a record handled.
	 * @param sequence its sequence number
	 * @param delivered whether it was a change handed to the handler
	 * @param other whether it was a record of something else than the view and than the
	 * feed's own records
	 */
	void handled(String sequence, boolean delivered, boolean other) {
		this.handled = sequence;
		this.fromOldest = false;
		this.deliveredUnrecorded |= delivered;
		this.otherUnrecorded += other ? 1 : 0;
	}

	/**
	 * Whether the records handled since the checkpoint are worth a write: a change was
	 * delivered, or many records of other views or databases were passed over. Records of
	 * the feed's own writes never count: a checkpoint is such a write, and counting it
	 * would make each checkpoint call for the next.
	 */
	boolean worthRecording() {
		return this.deliveredUnrecorded || this.otherUnrecorded >= OTHERS_BEFORE_CHECKPOINT;
	}

	/**
	 * The handled sequence number not yet recorded in the checkpoint, or {@code null}.
	 */
	@Nullable String unrecorded() {
		return (this.handled != null && !this.handled.equals(this.checkpointed)) ? this.handled : null;
	}

	void recorded(String sequence) {
		this.checkpointed = sequence;
		this.deliveredUnrecorded = false;
		this.otherUnrecorded = 0;
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
