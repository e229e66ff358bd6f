package io.dynamodown.iq80;

import java.util.Objects;

import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBException;
import org.iq80.leveldb.DBIterator;
import org.iq80.leveldb.ReadOptions;
import org.iq80.leveldb.Snapshot;
import org.iq80.leveldb.WriteBatch;
import org.iq80.leveldb.WriteOptions;
import org.jspecify.annotations.Nullable;

/**
 * The iq80 LevelDB {@link DB} interface over a {@link LevelDb}. What DynamoDB cannot
 * honour is answered as LevelDB allows or refused with a reason:
 * <ul>
 * <li>snapshots ({@link #getSnapshot()}, {@link ReadOptions#snapshot},
 * {@link WriteOptions#snapshot}): {@link UnsupportedOperationException}, since a DynamoDB
 * {@code Query} has no point-in-time view;</li>
 * <li>{@link #compactRange}, {@link #suspendCompactions()}, {@link #resumeCompactions()}:
 * no-ops, as DynamoDB manages its own storage;</li>
 * <li>{@link #getProperty(String)}: {@code null}, LevelDB's answer for a property it does
 * not know;</li>
 * <li>{@link ReadOptions#fillCache}, {@link ReadOptions#verifyChecksums},
 * {@link WriteOptions#sync}: ignored, every DynamoDB write is durable when
 * acknowledged.</li>
 * </ul>
 * A {@link WriteBatch} is written atomically, so it holds at most 100 distinct keys.
 * Failures are {@link DBException}s with the store's {@link LevelDbException} as the
 * cause.
 */
public final class Iq80Db implements DB {

	private final LevelDb db;

	private Iq80Db(LevelDb db) {
		this.db = db;
	}

	/**
	 * Wraps a store.
	 * @param db the store; closing the view closes it
	 * @return the iq80 view
	 */
	public static DB wrap(LevelDb db) {
		return new Iq80Db(Objects.requireNonNull(db, "'db' must not be null"));
	}

	@Override
	public byte @Nullable [] get(byte[] key) {
		return call(() -> this.db.get(key).orElse(null));
	}

	@Override
	public byte @Nullable [] get(byte[] key, ReadOptions options) {
		refuseSnapshot(options);
		return get(key);
	}

	@Override
	public DBIterator iterator() {
		return call(() -> new Iq80Iterator(this.db));
	}

	@Override
	public DBIterator iterator(ReadOptions options) {
		refuseSnapshot(options);
		return iterator();
	}

	@Override
	public void put(byte[] key, byte[] value) {
		call(() -> {
			this.db.put(key, value);
			return null;
		});
	}

	@Override
	public void delete(byte[] key) {
		call(() -> {
			this.db.delete(key);
			return null;
		});
	}

	@Override
	public void write(WriteBatch updates) {
		if (!(updates instanceof Iq80WriteBatch batch)) {
			throw new DBException("the write batch was not created by this DB's createWriteBatch()");
		}
		call(() -> {
			batch.batch().write();
			return null;
		});
	}

	@Override
	public WriteBatch createWriteBatch() {
		return call(() -> new Iq80WriteBatch(this.db.batch()));
	}

	@Override
	public @Nullable Snapshot put(byte[] key, byte[] value, WriteOptions options) {
		refuseSnapshot(options);
		put(key, value);
		return null;
	}

	@Override
	public @Nullable Snapshot delete(byte[] key, WriteOptions options) {
		refuseSnapshot(options);
		delete(key);
		return null;
	}

	@Override
	public @Nullable Snapshot write(WriteBatch updates, WriteOptions options) {
		refuseSnapshot(options);
		write(updates);
		return null;
	}

	/**
	 * Not supported: a DynamoDB {@code Query} has no point-in-time view.
	 * @return never
	 * @throws UnsupportedOperationException always
	 */
	@Override
	public Snapshot getSnapshot() {
		throw noSnapshots();
	}

	/**
	 * Estimates the bytes of each range with {@link LevelDb#approximateSize}.
	 * @param ranges ranges from {@code start} (inclusive) to {@code limit} (exclusive)
	 * @return the estimates, in the order of the ranges
	 */
	@Override
	public long[] getApproximateSizes(org.iq80.leveldb.Range... ranges) {
		long[] sizes = new long[ranges.length];
		for (int i = 0; i < ranges.length; i++) {
			io.dynamodown.Range range = io.dynamodown.Range.all().gte(ranges[i].start()).lt(ranges[i].limit());
			sizes[i] = call(() -> this.db.approximateSize(range));
		}
		return sizes;
	}

	/**
	 * No LevelDB property is known to a DynamoDB store.
	 * @param name the property
	 * @return {@code null}, as LevelDB answers for an unknown property
	 */
	@Override
	public @Nullable String getProperty(String name) {
		return null;
	}

	/**
	 * A no-op: DynamoDB runs no compactions that a client could suspend.
	 */
	@Override
	public void suspendCompactions() {
	}

	/**
	 * A no-op: DynamoDB runs no compactions that a client could resume.
	 */
	@Override
	public void resumeCompactions() {
	}

	/**
	 * A no-op: DynamoDB manages its own storage.
	 * @param begin ignored
	 * @param end ignored
	 */
	@Override
	public void compactRange(byte @Nullable [] begin, byte @Nullable [] end) {
	}

	@Override
	public void close() {
		this.db.close();
	}

	static <T> T call(java.util.function.Supplier<T> operation) {
		try {
			return operation.get();
		}
		catch (LevelDbException ex) {
			throw new DBException(ex.getMessage(), ex);
		}
	}

	private static void refuseSnapshot(ReadOptions options) {
		if (options != null && options.snapshot() != null) {
			throw noSnapshots();
		}
	}

	private static void refuseSnapshot(WriteOptions options) {
		if (options != null && options.snapshot()) {
			throw noSnapshots();
		}
	}

	private static UnsupportedOperationException noSnapshots() {
		return new UnsupportedOperationException(
				"snapshots are not supported: a DynamoDB Query has no point-in-time view of a table");
	}

}
