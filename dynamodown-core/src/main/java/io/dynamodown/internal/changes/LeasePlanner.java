package io.dynamodown.internal.changes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, from one consistent look at a consumer's records, which shards a subscriber
 * takes and which it hands back. Pure: no I/O.
 * <ul>
 * <li>A shard is <em>eligible</em> when it is not yet read to its end and its parent is:
 * ended, skipped, or gone from the stream (trimmed). So a key's changes, which move from
 * a parent shard to a child, are delivered in order.</li>
 * <li>The eligible shards are shared among the live subscribers (members, and holders of
 * live leases): each aims at ⌈eligible / subscribers⌉. While another subscriber holds
 * fewer than ⌊eligible / subscribers⌋, a subscriber holding more hands one back and takes
 * no more than that floor itself, so a subscriber that joins gets its share and the
 * shares settle instead of swinging.</li>
 * <li>Only free shards are taken (never held, or whose lease ran out): a shard changes
 * hands when its holder hands it back after checkpointing, or dies.</li>
 * </ul>
 */
public final class LeasePlanner {

	private LeasePlanner() {
	}

	/**
	 * The shards that may be read now.
	 * @param shards the stream's shards
	 * @param leases the consumer's shard records, by shard id
	 * @param consumer the consumer's start
	 * @return the eligible shards, closed ones first, otherwise in the stream's order
	 */
	public static List<Shard> eligible(List<Shard> shards, Map<String, ShardLease> leases, ConsumerState consumer) {
		Set<String> inStream = new HashSet<>();
		shards.forEach((shard) -> inStream.add(shard.id()));
		List<Shard> eligible = new ArrayList<>();
		for (Shard shard : shards) {
			String parent = shard.parentId();
			boolean parentDone = parent == null || !inStream.contains(parent) || done(parent, leases, consumer);
			if (parentDone && !done(shard.id(), leases, consumer)) {
				eligible.add(shard);
			}
		}
		eligible.sort(Comparator.comparing((Shard shard) -> !shard.closed()));
		return eligible;
	}

	/**
	 * Plans one lease round of a subscriber.
	 * @param me the subscriber's id
	 * @param now epoch milliseconds of its store's clock
	 * @param shards the stream's shards
	 * @param leases the consumer's shard records, by shard id
	 * @param members the consumer's membership records
	 * @param consumer the consumer's start
	 * @return the shards to take and to hand back
	 */
	public static LeasePlan plan(String me, long now, List<Shard> shards, Map<String, ShardLease> leases,
			Collection<Member> members, ConsumerState consumer) {
		List<Shard> eligible = eligible(shards, leases, consumer);
		Map<String, Integer> held = new HashMap<>();
		held.put(me, 0);
		members.stream().filter((member) -> member.until() > now).forEach((member) -> held.putIfAbsent(member.id(), 0));
		List<String> mine = new ArrayList<>();
		List<String> free = new ArrayList<>();
		for (Shard shard : eligible) {
			ShardLease lease = leases.get(shard.id());
			if (lease == null || !lease.heldAt(now)) {
				free.add(shard.id());
			}
			else {
				held.merge(lease.owner(), 1, Integer::sum);
				if (me.equals(lease.owner())) {
					mine.add(shard.id());
				}
			}
		}
		int subscribers = held.size();
		int floor = eligible.size() / subscribers;
		int ceiling = (eligible.size() + subscribers - 1) / subscribers;
		boolean someoneShort = held.entrySet()
			.stream()
			.anyMatch((entry) -> !entry.getKey().equals(me) && entry.getValue() < floor);
		int target = someoneShort ? floor : ceiling;
		List<String> release = new ArrayList<>();
		if (mine.size() > ceiling) {
			release.addAll(mine.subList(ceiling, mine.size()));
		}
		else if (someoneShort && mine.size() > floor) {
			release.add(mine.get(mine.size() - 1));
		}
		int wanted = Math.max(0, target - mine.size());
		return new LeasePlan(free.subList(0, Math.min(wanted, free.size())), release);
	}

	/**
	 * The consumer's shard records whose shard is gone from the stream (trimmed after 24
	 * hours, or of a replaced stream).
	 * @param shards the stream's shards
	 * @param leases the consumer's shard records, by shard id
	 * @return the records of shards no longer in the stream
	 */
	public static List<ShardLease> vanished(List<Shard> shards, Map<String, ShardLease> leases) {
		Set<String> inStream = new HashSet<>();
		shards.forEach((shard) -> inStream.add(shard.id()));
		List<ShardLease> vanished = new ArrayList<>();
		leases.values().stream().filter((lease) -> !inStream.contains(lease.shardId())).forEach(vanished::add);
		return vanished;
	}

	private static boolean done(String shardId, Map<String, ShardLease> leases, ConsumerState consumer) {
		ShardLease lease = leases.get(shardId);
		return (lease != null && lease.ended()) || consumer.skips(shardId);
	}

}
