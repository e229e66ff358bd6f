package io.dynamodown;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.dynamodown.changes.SubscriptionOptions;
import io.dynamodown.internal.store.StoreEngine;

/**
 * The store, or a sublevel view of it: checks that arguments are given, then runs each
 * operation in the store's guard (observation, open state, failure mapping) on the
 * {@link StoreEngine} with this view's prefix.
 */
final class DynamoLevelDb implements LevelDb {

	private final StoreContext store;

	private final byte[] prefix;

	private final AtomicBoolean viewOpen = new AtomicBoolean(true);

	private final boolean root;

	private final StoreLifecycle lifecycle;

	private final StoreEngine engine;

	DynamoLevelDb(StoreContext store, byte[] prefix) {
		this.store = store;
		this.prefix = prefix;
		this.root = prefix.length == 0;
		this.lifecycle = store.lifecycle();
		this.engine = store.engine();
	}

	@Override
	public Optional<byte[]> get(byte[] key) {
		Arguments.checkKey(key);
		return guard("get", 1, () -> this.engine.get(this.prefix, key));
	}

	@Override
	public List<Optional<byte[]>> getMany(List<byte[]> keys) {
		Arguments.checkGiven(keys, "keys");
		keys.forEach(Arguments::checkKey);
		long distinct = keys.stream().map(ByteBuffer::wrap).distinct().count();
		return guard("getMany", distinct, () -> this.engine.getMany(this.prefix, keys));
	}

	@Override
	public void put(byte[] key, byte[] value) {
		Arguments.checkKey(key);
		guard("put", 1, () -> this.engine.put(this.prefix, key, value, null));
	}

	@Override
	public void put(byte[] key, byte[] value, Duration ttl) {
		Arguments.checkKey(key);
		guard("put", 1, () -> this.engine.put(this.prefix, key, value, StoreEngine.checkedTtl(ttl)));
	}

	@Override
	public Optional<byte[]> putIfAbsent(byte[] key, byte[] value) {
		Arguments.checkKey(key);
		return guard("putIfAbsent", 1, () -> this.engine.putIfAbsent(this.prefix, key, value, null));
	}

	@Override
	public Optional<byte[]> putIfAbsent(byte[] key, byte[] value, Duration ttl) {
		Arguments.checkKey(key);
		return guard("putIfAbsent", 1,
				() -> this.engine.putIfAbsent(this.prefix, key, value, StoreEngine.checkedTtl(ttl)));
	}

	@Override
	public boolean replace(byte[] key, byte[] expected, byte[] value) {
		Arguments.checkExpected(expected);
		Arguments.checkKey(key);
		return guard("replace", 1, () -> this.engine.replace(this.prefix, key, expected, value, null));
	}

	@Override
	public boolean replace(byte[] key, byte[] expected, byte[] value, Duration ttl) {
		Arguments.checkExpected(expected);
		Arguments.checkKey(key);
		return guard("replace", 1,
				() -> this.engine.replace(this.prefix, key, expected, value, StoreEngine.checkedTtl(ttl)));
	}

	@Override
	public void delete(byte[] key) {
		Arguments.checkKey(key);
		guard("delete", 1, () -> this.engine.delete(this.prefix, key));
	}

	@Override
	public boolean delete(byte[] key, byte[] expected) {
		Arguments.checkKey(key);
		Arguments.checkExpected(expected);
		return guard("delete", 1, () -> this.engine.delete(this.prefix, key, expected));
	}

	@Override
	public Batch batch() {
		checkOpen();
		return new CollectingBatch(this.engine.writes(this.prefix), true,
				(writes) -> guard("batch", writes.size(), () -> this.engine.writeAtomic(writes)));
	}

	@Override
	public Batch bulk() {
		checkOpen();
		return new CollectingBatch(this.engine.writes(this.prefix), false,
				(writes) -> guard("bulk", writes.size(), () -> this.engine.writeBulk(writes)));
	}

	@Override
	public LevelIterator<Entry> iterator(Range range) {
		return iterate(range, false, false, Function.identity());
	}

	@Override
	public LevelIterator<byte[]> keys(Range range) {
		return iterate(range, true, false, Entry::key);
	}

	@Override
	public LevelIterator<byte[]> values(Range range) {
		return iterate(range, false, false, Entry::value);
	}

	@Override
	public void clear(Range range) {
		Arguments.checkGiven(range, "range");
		checkOpen();
		if (range.limit() == 0) {
			return;
		}
		guard("clear", 0, () -> this.engine.clear(this.prefix, range.lower(), range.upper(), range.isReverse(),
				range.isLimited() ? range.limit() : -1));
	}

	@Override
	public long repair() {
		return guard("repair", 0, () -> this.engine.repair(REPAIR_MIN_AGE));
	}

	@Override
	public long approximateSize(Range range) {
		Arguments.checkGiven(range, "range");
		return guard("approximateSize", 0,
				() -> this.engine.approximateSize(this.prefix, range.lower(), range.upper()));
	}

	@Override
	public long copyTo(LevelDb target) {
		Arguments.checkGiven(target, "target");
		if (!this.root) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"copyTo copies a whole database: call it on the root store, not on the sublevel " + this);
		}
		if (!(target instanceof DynamoLevelDb other) || !other.root) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"the target of copyTo must be the root store of another database opened with LevelDb.builder, was "
							+ target);
		}
		if (this.engine.sameDatabase(other.engine)) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"the target of copyTo must be another database than " + this + ", was " + target);
		}
		return guard("copyTo", 0,
				() -> other.lifecycle.run(other.viewOpen, other, () -> this.engine.copyTo(other.engine)));
	}

	@Override
	public int shards() {
		return this.engine.shards();
	}

	@Override
	public Subscription subscribe(String consumer, SubscriptionOptions options, Consumer<Change> handler) {
		String name = Errors.call(() -> StoreEngine.checkedConsumer(consumer));
		SubscriptionOptions checked = SubscriptionOptionsCheck.check(options);
		Arguments.checkGiven(handler, "handler");
		checkOpen();
		return guard("subscribe", 0, () -> new ChangeSubscription(this.engine.subscribe(this.prefix, name, checked,
				(change) -> handler.accept(ChangeSubscription.toChange(change)))));
	}

	@Override
	public LevelDb sublevel(String name) {
		if (name == null || name.isEmpty() || name.indexOf('!') >= 0) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"sublevel name must be non-empty and must not contain '!', was "
							+ ((name == null) ? "null" : "'" + name + "'"));
		}
		checkOpen();
		return new DynamoLevelDb(this.store, Errors.call(() -> StoreEngine.sublevelPrefix(this.prefix, name)));
	}

	@Override
	public String table() {
		return this.engine.table();
	}

	@Override
	public String hashKey() {
		return this.engine.hashKey();
	}

	@Override
	public String tableStatus() {
		return guard("tableStatus", 0, this.engine::tableStatus);
	}

	@Override
	public byte[] prefix() {
		return this.prefix.clone();
	}

	@Override
	public boolean isOpen() {
		return this.viewOpen.get() && this.lifecycle.isOpen();
	}

	@Override
	public void close() {
		this.viewOpen.set(false);
		if (this.root && this.lifecycle.isOpen()) {
			this.engine.close();
			this.lifecycle.close();
		}
	}

	@Override
	public String toString() {
		return "LevelDb[" + table() + "/" + hashKey()
				+ (this.root ? "" : ", sublevel " + new String(this.prefix, StandardCharsets.UTF_8)) + "]";
	}

	private <T> LevelIterator<T> iterate(Range range, boolean keysOnly, boolean withExpired, Function<Entry, T> shape) {
		Arguments.checkGiven(range, "range");
		checkOpen();
		return new StoreIterator<>(this.store.storage(), this.prefix, range, keysOnly, withExpired,
				this.store.readAhead(), this::checkOpen, shape, this.store.observer());
	}

	/**
	 * Runs an operation of this view in the store's guard: observed, while the store and
	 * this view are open, the keys of incomplete writes reported relative to this view.
	 */
	private <T> T guard(String operation, long items, Supplier<T> call) {
		return this.lifecycle.guard(operation, items, this.prefix.length, this.viewOpen, this, call);
	}

	private void guard(String operation, long items, Runnable call) {
		guard(operation, items, () -> {
			call.run();
			return null;
		});
	}

	private void checkOpen() {
		this.lifecycle.checkOpen(this.viewOpen, this);
	}

}
