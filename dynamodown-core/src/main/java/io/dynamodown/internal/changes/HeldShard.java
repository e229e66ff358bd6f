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

	private @Nullable String handled;

	private @Nullable String checkpointed;

	private long nextPoll = System.nanoTime();

	private boolean fromOldest;

	HeldShard(ShardLease lease, StartPosition firstRead) {
		this.shardId = lease.shardId();
		this.firstRead = firstRead;
		this.until = lease.until();
		this.handled = lease.sequence();
		this.checkpointed = lease.sequence();
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
