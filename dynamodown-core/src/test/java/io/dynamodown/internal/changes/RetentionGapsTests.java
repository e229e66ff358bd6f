package io.dynamodown.internal.changes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dynamodown.changes.StartPosition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a shard taken without a checkpoint may have lost records to the retention.
 */
class RetentionGapsTests {

	private static final long NOW = Duration.ofDays(100).toMillis();

	private static final long DAY_AGO = NOW - Duration.ofHours(25).toMillis();

	private static final long HOUR_AGO = NOW - Duration.ofHours(1).toMillis();

	private static final List<Shard> SHARDS = List.of(new Shard("parent", null, true),
			new Shard("child", "parent", false));

	@Test
	void aChildWhoseParentEndedLongerAgoThanTheRetentionMayHaveLostItsFirstRecords() {
		HeldShard child = new HeldShard(lease("child", null, null, NOW), StartPosition.TRIM_HORIZON);
		Map<String, ShardLease> before = Map.of("parent", ended("parent", DAY_AGO));
		assertThat(RetentionGaps.possibleGap(child, SHARDS, before, NOW)).contains("its parent shard parent");
		assertThat(RetentionGaps.possibleGap(child, SHARDS, Map.of("parent", ended("parent", HOUR_AGO)), NOW)).isNull();
	}

	@Test
	void aShardWhosePositionWasLeftLongerAgoThanTheRetentionMayHaveLostRecords() {
		HeldShard inherited = new HeldShard(lease("child", null, "iterator", NOW), StartPosition.LATEST);
		assertThat(RetentionGaps.possibleGap(inherited, SHARDS,
				Map.of("child", lease("child", null, "iterator", DAY_AGO)), NOW))
			.contains("no subscriber of the consumer read the shard since");
		assertThat(RetentionGaps.possibleGap(inherited, SHARDS,
				Map.of("child", lease("child", null, "iterator", HOUR_AGO)), NOW))
			.isNull();
	}

	@Test
	void aShardWithACheckpointOrANewConsumersShardIsNoGuess() {
		HeldShard checkpointed = new HeldShard(lease("child", "7", null, NOW), StartPosition.TRIM_HORIZON);
		HeldShard fromNow = new HeldShard(lease("child", null, null, NOW), StartPosition.LATEST);
		Map<String, ShardLease> before = Map.of("parent", ended("parent", DAY_AGO));
		assertThat(RetentionGaps.possibleGap(checkpointed, SHARDS, before, NOW)).isNull();
		assertThat(RetentionGaps.possibleGap(fromNow, SHARDS, before, NOW)).isNull();
		assertThat(RetentionGaps.possibleGap(
				new HeldShard(lease("parent", null, null, NOW), StartPosition.TRIM_HORIZON), SHARDS, Map.of(), NOW))
			.as("a shard without a parent")
			.isNull();
	}

	private static ShardLease lease(String shard, String sequence, String iterator, long until) {
		return new ShardLease(shard, "me", until, sequence, false, iterator, 0);
	}

	private static ShardLease ended(String shard, long endedAt) {
		return new ShardLease(shard, null, 0, "9", true, null, endedAt);
	}

}
