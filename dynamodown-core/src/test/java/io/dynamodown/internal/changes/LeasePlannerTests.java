package io.dynamodown.internal.changes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamodown.changes.StartPosition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lease planning without a server: lineage, sharing, hand-backs and trimmed shards.
 */
class LeasePlannerTests {

	private static final long NOW = 1_000_000;

	private static final ConsumerState FROM_OLDEST = new ConsumerState("arn", StartPosition.TRIM_HORIZON, 0, Set.of(),
			Set.of());

	@Test
	void aChildWaitsUntilItsParentIsReadToItsEnd() {
		List<Shard> shards = List.of(closed("p", null), open("c", "p"));
		Map<String, ShardLease> leases = new HashMap<>();
		assertThat(ids(LeasePlanner.eligible(shards, leases, FROM_OLDEST))).containsExactly("p");
		leases.put("p", new ShardLease("p", null, 0, "9", true, null, 1));
		assertThat(ids(LeasePlanner.eligible(shards, leases, FROM_OLDEST))).containsExactly("c");
	}

	@Test
	void aShardWhoseParentWasTrimmedIsEligible() {
		assertThat(ids(LeasePlanner.eligible(List.of(open("c", "gone")), Map.of(), FROM_OLDEST))).containsExactly("c");
	}

	@Test
	void shardsClosedBeforeAStartFromTheLatestRecordAreSkipped() {
		ConsumerState latest = new ConsumerState("arn", StartPosition.LATEST, 0, Set.of("c"), Set.of("p"));
		List<Shard> shards = List.of(closed("p", null), open("c", "p"), open("later", "c"));
		assertThat(ids(LeasePlanner.eligible(shards, Map.of(), latest))).containsExactly("c");
		assertThat(latest.firstReadOf("c")).isEqualTo(StartPosition.LATEST);
		assertThat(latest.firstReadOf("later")).as("a shard that appeared after the start is read whole")
			.isEqualTo(StartPosition.TRIM_HORIZON);
	}

	@Test
	void closedShardsComeFirst() {
		List<Shard> shards = List.of(open("a", null), closed("b", null));
		assertThat(ids(LeasePlanner.eligible(shards, Map.of(), FROM_OLDEST))).containsExactly("b", "a");
	}

	@Test
	void aLoneSubscriberTakesEveryFreeShard() {
		LeasePlan plan = LeasePlanner.plan("me", NOW, shards(4), Map.of(), List.of(), FROM_OLDEST);
		assertThat(plan.acquire()).containsExactly("s0", "s1", "s2", "s3");
		assertThat(plan.release()).isEmpty();
	}

	@Test
	void aShardHeldByAnotherIsNotTakenWhileItsLeaseLasts() {
		Map<String, ShardLease> leases = Map.of("s0", held("s0", "other", NOW + 1));
		LeasePlan plan = LeasePlanner.plan("me", NOW, shards(1), leases, List.of(new Member("other", NOW + 1)),
				FROM_OLDEST);
		assertThat(plan.acquire()).isEmpty();
	}

	@Test
	void aShardWhoseLeaseRanOutIsTakenOver() {
		Map<String, ShardLease> leases = Map.of("s0", held("s0", "dead", NOW));
		LeasePlan plan = LeasePlanner.plan("me", NOW, shards(1), leases, List.of(new Member("dead", NOW)), FROM_OLDEST);
		assertThat(plan.acquire()).containsExactly("s0");
	}

	@Test
	void aSubscriberThatJoinsGetsItsShareHandedBack() {
		Map<String, ShardLease> leases = new HashMap<>();
		for (int i = 0; i < 4; i++) {
			leases.put("s" + i, held("s" + i, "old", NOW + 1000));
		}
		List<Member> members = List.of(new Member("old", NOW + 1000), new Member("new", NOW + 1000));
		LeasePlan old = LeasePlanner.plan("old", NOW, shards(4), leases, members, FROM_OLDEST);
		assertThat(old.release()).as("all it holds beyond its share").containsExactly("s2", "s3");
		assertThat(old.acquire()).isEmpty();
		LeasePlan joined = LeasePlanner.plan("new", NOW, shards(4), leases, members, FROM_OLDEST);
		assertThat(joined.acquire()).as("nothing is free yet").isEmpty();
	}

	@Test
	void sharesSettleAtTheFairSplitFromAnyStart() {
		for (int shardCount = 0; shardCount <= 7; shardCount++) {
			for (int subscriberCount = 1; subscriberCount <= 4; subscriberCount++) {
				Map<String, Integer> held = settle(shardCount, subscriberCount);
				int floor = shardCount / subscriberCount;
				int ceiling = (shardCount + subscriberCount - 1) / subscriberCount;
				assertThat(held.values()).as("%d shards, %d subscribers: %s", shardCount, subscriberCount, held)
					.allSatisfy((count) -> assertThat(count).isBetween(floor, ceiling));
				assertThat(held.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(shardCount);
			}
		}
	}

	@Test
	void vanishedLeasesAreThoseOfShardsNoLongerInTheStream() {
		Map<String, ShardLease> leases = Map.of("s0", held("s0", null, 0), "gone", held("gone", null, 0));
		assertThat(LeasePlanner.vanished(shards(1), leases)).extracting(ShardLease::shardId).containsExactly("gone");
	}

	/**
	 * Runs lease rounds, the first subscriber holding every shard, the others joining,
	 * until nothing changes; hand-backs take effect before the next subscriber's round.
	 */
	private static Map<String, Integer> settle(int shardCount, int subscriberCount) {
		Map<String, ShardLease> leases = new HashMap<>();
		for (int i = 0; i < shardCount; i++) {
			leases.put("s" + i, held("s" + i, "m0", NOW + 1000));
		}
		List<Member> members = new ArrayList<>();
		for (int m = 0; m < subscriberCount; m++) {
			members.add(new Member("m" + m, NOW + 1000));
		}
		for (int round = 0; round < 50; round++) {
			boolean changed = false;
			for (Member member : members) {
				LeasePlan plan = LeasePlanner.plan(member.id(), NOW, shards(shardCount), leases, members, FROM_OLDEST);
				for (String shard : plan.release()) {
					leases.put(shard, held(shard, null, 0));
					changed = true;
				}
				for (String shard : plan.acquire()) {
					leases.put(shard, held(shard, member.id(), NOW + 1000));
					changed = true;
				}
			}
			if (!changed) {
				break;
			}
		}
		Map<String, Integer> held = new HashMap<>();
		members.forEach((member) -> held.put(member.id(), 0));
		leases.values().forEach((lease) -> held.merge(lease.owner(), 1, Integer::sum));
		return held;
	}

	private static List<Shard> shards(int count) {
		List<Shard> shards = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			shards.add(open("s" + i, null));
		}
		return shards;
	}

	private static Shard open(String id, @Nullable String parent) {
		return new Shard(id, parent, false);
	}

	private static Shard closed(String id, @Nullable String parent) {
		return new Shard(id, parent, true);
	}

	private static ShardLease held(String shard, @Nullable String owner, long until) {
		return new ShardLease(shard, owner, until, null, false, null, 0);
	}

	private static List<String> ids(List<Shard> shards) {
		return shards.stream().map(Shard::id).toList();
	}

}
