package io.dynamodown;

import java.time.Duration;

import io.dynamodown.StoreLifecycle.Guard;
import io.dynamodown.internal.store.DistinctWrites;
import io.dynamodown.internal.store.PlannedWrites;
import io.dynamodown.internal.store.StoreEngine;
import org.jspecify.annotations.Nullable;

/**
 * A batch of a view: checks that arguments are given and that conditions go to an atomic
 * batch, collects its writes in the {@link StoreEngine}'s {@link PlannedWrites}, which
 * check them as they are added, and writes the last write of each key through the
 * {@link StoreEngine}, atomically or in bulk, in the view's guard.
 */
final class CollectingBatch implements Batch {

	private final PlannedWrites writes;

	private final boolean atomic;

	private final StoreLifecycle.View view;

	private final StoreEngine engine;

	CollectingBatch(PlannedWrites writes, boolean atomic, StoreLifecycle.View view, StoreEngine engine) {
		this.writes = writes;
		this.atomic = atomic;
		this.view = view;
		this.engine = engine;
	}

	@Override
	public Batch put(byte @Nullable [] key, byte @Nullable [] value) {
		byte[] given = Arguments.checkKey(key);
		Errors.run(() -> this.writes.put(given, value, null));
		return this;
	}

	@Override
	public Batch put(byte @Nullable [] key, byte @Nullable [] value, @Nullable Duration ttl) {
		Duration givenTtl = Arguments.checkTtl(ttl);
		byte[] given = Arguments.checkKey(key);
		Errors.run(() -> this.writes.put(given, value, givenTtl));
		return this;
	}

	@Override
	public Batch putIfAbsent(byte @Nullable [] key, byte @Nullable [] value) {
		checkAtomic("putIfAbsent");
		byte[] given = Arguments.checkKey(key);
		Errors.run(() -> this.writes.putIfAbsent(given, value));
		return this;
	}

	@Override
	public Batch replace(byte @Nullable [] key, byte @Nullable [] expected, byte @Nullable [] value) {
		checkAtomic("replace");
		byte[] givenExpected = Arguments.checkExpected(expected);
		byte[] given = Arguments.checkKey(key);
		Errors.run(() -> this.writes.replace(given, givenExpected, value));
		return this;
	}

	@Override
	public Batch delete(byte @Nullable [] key) {
		byte[] given = Arguments.checkKey(key);
		Errors.run(() -> this.writes.delete(given, null));
		return this;
	}

	@Override
	public Batch delete(byte @Nullable [] key, byte @Nullable [] expected) {
		checkAtomic("delete with an expected value");
		byte[] given = Arguments.checkKey(key);
		byte[] givenExpected = Arguments.checkExpected(expected);
		Errors.run(() -> this.writes.delete(given, givenExpected));
		return this;
	}

	private void checkAtomic(String what) {
		if (!this.atomic) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					what + " needs an atomic batch (LevelDb.batch()): a bulk write has no conditions");
		}
	}

	@Override
	public int size() {
		return this.writes.size();
	}

	@Override
	public Batch clear() {
		this.writes.clear();
		return this;
	}

	@Override
	public void write() {
		DistinctWrites distinct = this.writes.distinct();
		Guard guard = this.view.enter(this.atomic ? "batch" : "bulk", distinct.size());
		try {
			if (this.atomic) {
				this.engine.writeAtomic(distinct);
			}
			else {
				this.engine.writeBulk(distinct);
			}
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
	}

}
