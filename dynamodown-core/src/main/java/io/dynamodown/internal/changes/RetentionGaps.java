package io.dynamodown.internal.changes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.dynamodown.changes.StartPosition;
import org.jspecify.annotations.Nullable;

/**
 * Tells whether a shard taken without a checkpoint may have lost its first records to the
 * stream's retention, because no subscriber of the consumer ran for that long: the
 * iterator its last holder left is that old (its lease ended then), or its parent was
 * read to its end that long ago. A shard with a checkpoint needs no guess: DynamoDB
 * Streams refuses a position past the retention. Pure: no I/O.
 */
final class RetentionGaps {

	/** How long DynamoDB Streams keeps records. */
	static final Duration RETENTION = Duration.ofHours(24);

	/**
	 * How much earlier than the retention a gap is reported as possible: the first
	 * records of a child shard may be older than the moment its parent's end was
	 * recorded.
	 */
	static final Duration MARGIN = Duration.ofHours(1);

	private RetentionGaps() {
	}

	/**
	 * What may have been lost of a shard just taken.
	 * @param taken the shard as taken
	 * @param shards the stream's shards
	 * @param before the consumer's shard records as read before it was taken
	 * @param now epoch milliseconds
	 * @return the reason to report, or {@code null} when nothing can have been lost
	 */
	static @Nullable String possibleGap(HeldShard taken, List<Shard> shards, Map<String, ShardLease> before, long now) {
		long horizon = now - RETENTION.minus(MARGIN).toMillis();
		if (taken.inherited()) {
			ShardLease previous = before.get(taken.shardId());
			return (previous != null && previous.until() < horizon) ? "changes of the shard since "
					+ Instant.ofEpochMilli(previous.until())
					+ " may have been trimmed from the stream before this consumer read them: no subscriber of the"
					+ " consumer read the shard since, longer than the stream keeps records" : null;
		}
		if (taken.handled() != null || taken.firstRead() != StartPosition.TRIM_HORIZON) {
			return null;
		}
		String parentId = shards.stream()
			.filter((shard) -> shard.id().equals(taken.shardId()))
			.map(Shard::parentId)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		ShardLease parent = (parentId != null) ? before.get(parentId) : null;
		if (parent == null || !parent.ended() || parent.endedAt() <= 0 || parent.endedAt() >= horizon) {
			return null;
		}
		return "changes from the start of the shard may have been trimmed from the stream before this consumer read"
				+ " them: its parent shard " + parentId + " was read to its end at "
				+ Instant.ofEpochMilli(parent.endedAt()) + ", longer ago than the stream keeps records";
	}

}
