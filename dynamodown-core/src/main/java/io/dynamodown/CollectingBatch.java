package io.dynamodown;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.dynamodown.internal.batch.WriteOp;
import org.jspecify.annotations.Nullable;

/**
 * A batch that collects writes with full keys (sublevel prefix included), checked as they
 * are added, and hands them to a writer: atomic or bulk.
 */
final class CollectingBatch implements Batch {

	private final DynamoLevelDb db;

	private final Consumer<List<WriteOp>> writer;

	private final List<WriteOp> writes = new ArrayList<>();

	CollectingBatch(DynamoLevelDb db, Consumer<List<WriteOp>> writer) {
		this.db = db;
		this.writer = writer;
	}

	@Override
	public Batch put(byte @Nullable [] key, byte @Nullable [] value) {
		this.writes.add(this.db.checkedPut(key, value));
		return this;
	}

	@Override
	public Batch delete(byte @Nullable [] key) {
		this.writes.add(new WriteOp.Delete(this.db.checkedKey(key)));
		return this;
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
