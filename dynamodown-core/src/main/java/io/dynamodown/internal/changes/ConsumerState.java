package io.dynamodown.internal.changes;

import java.util.Set;

import io.dynamodown.changes.StartPosition;

/**
 * A consumer's own record, written once by its first subscriber: the stream it reads, and
 * where it started. For {@link StartPosition#LATEST}, the shards open at that moment are
 * read from their latest record, and the ones already closed not at all; every other
 * shard is read from its start.
 *
 * @param streamArn the stream the checkpoints belong to
 * @param start where the consumer started
 * @param created when it was created, epoch milliseconds
 * @param openAtStart the shards open at its start (read from their latest record when it
 * started from {@link StartPosition#LATEST})
 * @param closedAtStart the shards closed at its start (skipped when it started from
 * {@link StartPosition#LATEST})
 */
public record ConsumerState(String streamArn, StartPosition start, long created, Set<String> openAtStart,
		Set<String> closedAtStart) {

	/**
	 * Creates the state.
	 * @param streamArn the stream
	 * @param start the start position
	 * @param created epoch milliseconds
	 * @param openAtStart shards open at the start
	 * @param closedAtStart shards closed at the start
	 */
	public ConsumerState {
		openAtStart = Set.copyOf(openAtStart);
		closedAtStart = Set.copyOf(closedAtStart);
	}

	/**
	 * Whether the consumer skips a shard because it had closed before its start.
	 * @param shardId the shard
	 * @return {@code true} for a shard closed before a start from the latest record
	 */
	public boolean skips(String shardId) {
		return this.start == StartPosition.LATEST && this.closedAtStart.contains(shardId);
	}

	/**
	 * Where a shard without a checkpoint is read from.
	 * @param shardId the shard
	 * @return {@link StartPosition#LATEST} for a shard open at a start from the latest
	 * record, {@link StartPosition#TRIM_HORIZON} for every other
	 */
	public StartPosition firstReadOf(String shardId) {
		return (this.start == StartPosition.LATEST && this.openAtStart.contains(shardId)) ? StartPosition.LATEST
				: StartPosition.TRIM_HORIZON;
	}

}
