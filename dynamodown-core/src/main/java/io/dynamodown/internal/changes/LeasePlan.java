package io.dynamodown.internal.changes;

import java.util.List;

/**
 * What a subscriber does with the shards in one lease round.
 *
 * @param acquire the free shards to try to take, in order
 * @param release the shards it holds to hand back, so that others may take them
 */
public record LeasePlan(List<String> acquire, List<String> release) {

	/**
	 * Creates a plan.
	 * @param acquire shards to take
	 * @param release shards to hand back
	 */
	public LeasePlan {
		acquire = List.copyOf(acquire);
		release = List.copyOf(release);
	}

}
