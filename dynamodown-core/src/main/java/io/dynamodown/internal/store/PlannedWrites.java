package io.dynamodown.internal.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dynamodown.internal.batch.BatchPlanner;
import io.dynamodown.internal.batch.WriteOp;
import io.dynamodown.internal.condition.Condition;
import org.jspecify.annotations.Nullable;

/**
 * The writes of a batch of a view, collected with full keys and checked as they are
 * added: keys and values within their limits, values encoded, expiries computed.
 */
public final class PlannedWrites {

	private final StoreEngine engine;

	private final byte[] prefix;

	private final List<WriteOp> writes = new ArrayList<>();

	PlannedWrites(StoreEngine engine, byte[] prefix) {
		this.engine = engine;
		this.prefix = prefix;
	}

	/**
	 * Adds a put.
	 * @param key the key in the view
	 * @param value the value, checked here
	 * @param ttl the time to live, checked here, or {@code null} for none
	 */
	public void put(byte[] key, byte @Nullable [] value, @Nullable Duration ttl) {
		this.writes.add(this.engine.plannedPut(this.prefix, key, value, ttl, null));
	}

	/**
	 * Adds a put of a key that holds no live value.
	 * @param key the key in the view
	 * @param value the value, checked here
	 */
	public void putIfAbsent(byte[] key, byte @Nullable [] value) {
		this.writes.add(this.engine.plannedPut(this.prefix, key, value, null, Condition.ABSENT));
	}

	/**
	 * Adds a put of a key that holds the expected value.
	 * @param key the key in the view
	 * @param expected the value it must hold
	 * @param value the value, checked here
	 */
	public void replace(byte[] key, byte[] expected, byte @Nullable [] value) {
		this.writes.add(this.engine.plannedPut(this.prefix, key, value, null, StoreEngine.valueIs(expected)));
	}

	/**
	 * Adds a delete.
	 * @param key the key in the view
	 * @param expected the value it must hold, or {@code null} for none
	 */
	public void delete(byte[] key, byte @Nullable [] expected) {
		this.writes.add(new WriteOp.Delete(this.engine.fullKey(this.prefix, key),
				(expected != null) ? StoreEngine.valueIs(expected) : null));
	}

	/**
	 * The number of writes added.
	 * @return the number of writes
	 */
	public int size() {
		return this.writes.size();
	}

	/**
	 * Removes every write added.
	 */
	public void clear() {
		this.writes.clear();
	}

	/**
	 * The writes added, the last of each key only.
	 * @return the distinct writes
	 */
	public DistinctWrites distinct() {
		return new DistinctWrites(BatchPlanner.collapse(List.copyOf(this.writes)));
	}

}
