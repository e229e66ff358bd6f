package io.dynamodown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.dynamodown.internal.batch.WriteOp;
import io.dynamodown.internal.condition.Condition;
import org.jspecify.annotations.Nullable;

/**
 * A batch that collects writes with full keys (sublevel prefix included), checked as they
 * are added, and hands them to a writer: atomic or bulk.
 */
final class CollectingBatch implements Batch {

	private final DynamoLevelDb db;

	private final Consumer<List<WriteOp>> writer;

	private final List<WriteOp> writes = new ArrayList<>();

	private final boolean atomic;

	CollectingBatch(DynamoLevelDb db, boolean atomic, Consumer<List<WriteOp>> writer) {
		this.db = db;
		this.atomic = atomic;
		this.writer = writer;
	}

	@Override
	public Batch put(byte @Nullable [] key, byte @Nullable [] value) {
		this.writes.add(this.db.checkedPut(key, value, null, null));
		return this;
	}

	@Override
	public Batch put(byte @Nullable [] key, byte @Nullable [] value, @Nullable Duration ttl) {
		this.writes.add(this.db.checkedPut(key, value, this.db.checkedTtl(ttl), null));
		return this;
	}

	@Override
	public Batch putIfAbsent(byte @Nullable [] key, byte @Nullable [] value) {
		checkAtomic("putIfAbsent");
		this.writes.add(this.db.checkedPut(key, value, null, Condition.ABSENT));
		return this;
	}

	@Override
	public Batch replace(byte @Nullable [] key, byte @Nullable [] expected, byte @Nullable [] value) {
		checkAtomic("replace");
		this.writes.add(this.db.checkedPut(key, value, null, this.db.checkedExpected(expected)));
		return this;
	}

	@Override
	public Batch delete(byte @Nullable [] key) {
		this.writes.add(new WriteOp.Delete(this.db.checkedKey(key)));
		return this;
	}

	@Override
	public Batch delete(byte @Nullable [] key, byte @Nullable [] expected) {
		checkAtomic("delete with an expected value");
		this.writes.add(new WriteOp.Delete(this.db.checkedKey(key), this.db.checkedExpected(expected)));
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
		this.writer.accept(List.copyOf(this.writes));
	}

}
