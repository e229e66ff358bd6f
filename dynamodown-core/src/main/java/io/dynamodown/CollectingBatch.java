package io.dynamodown;

import java.time.Duration;
import java.util.function.Consumer;

import io.dynamodown.internal.store.DistinctWrites;
import io.dynamodown.internal.store.PlannedWrites;
import io.dynamodown.internal.store.StoreEngine;
import org.jspecify.annotations.Nullable;

/**
 * A batch of a view: checks that arguments are given and that conditions go to an atomic
 * batch, collects its writes in the {@link StoreEngine}'s {@link PlannedWrites}, which
 * check them as they are added, and hands the last write of each key to a writer: atomic
 * or bulk.
 */
final class CollectingBatch implements Batch {

	private final PlannedWrites writes;

	private final boolean atomic;

	private final Consumer<DistinctWrites> writer;

	CollectingBatch(PlannedWrites writes, boolean atomic, Consumer<DistinctWrites> writer) {
		this.writes = writes;
		this.atomic = atomic;
		this.writer = writer;
	}

	@Override
	public Batch put(byte @Nullable [] key, byte @Nullable [] value) {
		byte[] given = Arguments.checkKey(key);
		Errors.run(() -> this.writes.put(given, value, null));
		return this;
	}

	@Override
	public Batch put(byte @Nullable [] key, byte @Nullable [] value, @Nullable Duration ttl) {
		Duration checkedTtl = Errors.call(() -> StoreEngine.checkedTtl(ttl));
		byte[] given = Arguments.checkKey(key);
		Errors.run(() -> this.writes.put(given, value, checkedTtl));
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
		this.writer.accept(this.writes.distinct());
	}

}
