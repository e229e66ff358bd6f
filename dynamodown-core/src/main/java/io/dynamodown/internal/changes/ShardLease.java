package io.dynamodown.internal.changes;

import org.jspecify.annotations.Nullable;

/**
 * The record of one shard for one consumer: who holds it until when, how far it was
 * delivered, and whether it was read to its end.
 *
 * @param shardId the shard id
 * @param owner the subscriber holding it, or {@code null} when free
 * @param until when the holder's lease ends, in epoch milliseconds of its store's clock
 * @param sequence the sequence number of the last record handled, or {@code null}
 * @param ended whether the shard was read to its end
 * @param iterator where the shard rests while it has no checkpoint: an iterator its last
 * holder kept current, so that the next one goes on from there (valid 15 minutes), or
 * {@code null}
 * @param endedAt when the shard was read to its end, epoch milliseconds of its holder's
 * clock; 0 when it was not
 */
public record ShardLease(String shardId, @Nullable String owner, long until, @Nullable String sequence, boolean ended,
		@Nullable String iterator, long endedAt) {

	/**
	 * Whether someone holds the shard at {@code now}.
	 * @param now epoch milliseconds
	 * @return {@code true} when held by a lease that has not ended
	 */
	public boolean heldAt(long now) {
		return this.owner != null && this.until > now;
	}

}
