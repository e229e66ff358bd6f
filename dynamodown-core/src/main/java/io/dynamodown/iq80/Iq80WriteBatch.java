package io.dynamodown.iq80;

import io.dynamodown.Batch;
import org.iq80.leveldb.WriteBatch;

/**
 * An iq80 {@link WriteBatch} collecting into an atomic {@link Batch}.
 */
final class Iq80WriteBatch implements WriteBatch {

	private final Batch batch;

	Iq80WriteBatch(Batch batch) {
		this.batch = batch;
	}

	@Override
	public WriteBatch put(byte[] key, byte[] value) {
		Iq80Db.call(() -> this.batch.put(key, value));
		return this;
	}

	@Override
	public WriteBatch delete(byte[] key) {
		Iq80Db.call(() -> this.batch.delete(key));
		return this;
	}

	@Override
	public void close() {
		this.batch.clear();
	}

	Batch batch() {
		return this.batch;
	}

}
