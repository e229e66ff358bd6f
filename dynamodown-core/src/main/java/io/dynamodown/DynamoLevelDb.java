package io.dynamodown;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import io.dynamodown.StoreLifecycle.Guard;
import io.dynamodown.changes.SubscriptionOptions;
import io.dynamodown.internal.store.StoreEngine;
import org.jspecify.annotations.Nullable;

/**
 * The store, or a sublevel view of it: checks that arguments are given, then enters the
 * view's guard (observation, open state, failure mapping), calls the {@link StoreEngine}
 * with this view's prefix, and leaves the guard. A call goes only down from here: nothing
 * below calls back into this class.
 */
final class DynamoLevelDb implements LevelDb {

	private final StoreContext store;

	private final byte[] prefix;

	private final boolean root;

	private final StoreLifecycle lifecycle;

	private final StoreLifecycle.View view;

	private final StoreEngine engine;

	private final String description;

	DynamoLevelDb(StoreContext store, byte[] prefix) {
		this.store = store;
		this.prefix = prefix;
		this.root = prefix.length == 0;
		this.lifecycle = store.lifecycle();
		this.engine = store.engine();
		this.description = "LevelDb[" + this.engine.table() + "/" + this.engine.hashKey()
				+ (this.root ? "" : ", sublevel " + new String(prefix, StandardCharsets.UTF_8)) + "]";
		this.view = this.lifecycle.view(prefix.length, this.description);
	}

	@Override
	public Optional<byte[]> get(byte[] key) {
		Arguments.checkKey(key);
		Guard guard = this.view.enter("get", 1);
		try {
			return this.engine.get(this.prefix, key);
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
	}

	@Override
	public List<Optional<byte[]>> getMany(List<byte[]> keys) {
		Arguments.checkGiven(keys, "keys");
		keys.forEach(Arguments::checkKey);
		long distinct = keys.stream().map(ByteBuffer::wrap).distinct().count();
		Guard guard = this.view.enter("getMany", distinct);
		try {
			return this.engine.getMany(this.prefix, keys);
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
	}

	@Override
	public void put(byte[] key, byte[] value) {
		putWithExpiry(key, value, null);
	}

	@Override
	public void put(byte[] key, byte[] value, Duration ttl) {
		putWithExpiry(key, value, Arguments.checkTtl(ttl));
	}

	@Override
	public Optional<byte[]> putIfAbsent(byte[] key, byte[] value) {
		return putIfAbsentWithExpiry(key, value, null);
	}

	@Override
	public Optional<byte[]> putIfAbsent(byte[] key, byte[] value, Duration ttl) {
		return putIfAbsentWithExpiry(key, value, Arguments.checkTtl(ttl));
	}

	@Override
	public boolean replace(byte[] key, byte[] expected, byte[] value) {
		return replaceWithExpiry(key, expected, value, null);
	}

	@Override
	public boolean replace(byte[] key, byte[] expected, byte[] value, Duration ttl) {
		return replaceWithExpiry(key, expected, value, Arguments.checkTtl(ttl));
	}

	@Override
	public void delete(byte[] key) {
		Arguments.checkKey(key);
		Guard guard = this.view.enter("delete", 1);
		try {
			this.engine.delete(this.prefix, key);
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
	}

	@Override
	public boolean delete(byte[] key, byte[] expected) {
		Arguments.checkKey(key);
		Arguments.checkExpected(expected);
		Guard guard = this.view.enter("delete", 1);
		try {
			return this.engine.delete(this.prefix, key, expected);
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
	}

	@Override
	public Batch batch() {
		this.view.checkOpen();
		return new CollectingBatch(this.engine.writes(this.prefix), true, this.view, this.engine);
	}

	@Override
	public Batch bulk() {
		this.view.checkOpen();
		return new CollectingBatch(this.engine.writes(this.prefix), false, this.view, this.engine);
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
		this.view.checkOpen();
		if (range.limit() == 0) {
			return;
		}
		Guard guard = this.view.enter("clear", 0);
		try {
			this.engine.clear(this.prefix, range.lower(), range.upper(), range.isReverse(),
					range.isLimited() ? range.limit() : -1);
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
	}

	@Override
	public long repair() {
		Guard guard = this.view.enter("repair", 0);
		try {
			return this.engine.repair(REPAIR_MIN_AGE);
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
	}

	@Override
	public long approximateSize(Range range) {
		Arguments.checkGiven(range, "range");
		Guard guard = this.view.enter("approximateSize", 0);
		try {
			return this.engine.approximateSize(this.prefix, range.lower(), range.upper());
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
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
		Guard guard = this.view.enter("copyTo", 0);
		try {
			Guard targetGuard = other.view.hold();
			try {
				return this.engine.copyTo(other.engine);
			}
			finally {
				targetGuard.leave();
			}
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
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
		Guard guard = this.view.enter("subscribe", 0);
		try {
			return new ChangeSubscription(this.engine.subscribe(this.prefix, name, checked,
					(change) -> handler.accept(ChangeSubscription.toChange(change))));
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
	}

	@Override
	public LevelDb sublevel(String name) {
		if (name == null || name.isEmpty() || name.indexOf('!') >= 0) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"sublevel name must be non-empty and must not contain '!', was "
							+ ((name == null) ? "null" : "'" + name + "'"));
		}
		this.view.checkOpen();
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
		Guard guard = this.view.enter("tableStatus", 0);
		try {
			return this.engine.tableStatus();
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
	}

	@Override
	public byte[] prefix() {
		return this.prefix.clone();
	}

	@Override
	public boolean isOpen() {
		return this.view.isOpen();
	}

	@Override
	public void close() {
		this.view.close();
		if (this.root && this.lifecycle.isOpen()) {
			this.engine.close();
			this.lifecycle.close();
		}
	}

	@Override
	public String toString() {
		return this.description;
	}

	private void putWithExpiry(byte[] key, byte[] value, @Nullable Duration ttl) {
		Arguments.checkKey(key);
		Guard guard = this.view.enter("put", 1);
		try {
			this.engine.put(this.prefix, key, value, ttl);
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
	}

	private Optional<byte[]> putIfAbsentWithExpiry(byte[] key, byte[] value, @Nullable Duration ttl) {
		Arguments.checkKey(key);
		Guard guard = this.view.enter("putIfAbsent", 1);
		try {
			return this.engine.putIfAbsent(this.prefix, key, value, ttl);
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
	}

	private boolean replaceWithExpiry(byte[] key, byte[] expected, byte[] value, @Nullable Duration ttl) {
		Arguments.checkExpected(expected);
		Arguments.checkKey(key);
		Guard guard = this.view.enter("replace", 1);
		try {
			return this.engine.replace(this.prefix, key, expected, value, ttl);
		}
		catch (RuntimeException ex) {
			throw guard.failed(ex);
		}
		finally {
			guard.leave();
		}
	}

	private <T> LevelIterator<T> iterate(Range range, boolean keysOnly, boolean withExpired, Function<Entry, T> shape) {
		Arguments.checkGiven(range, "range");
		this.view.checkOpen();
		return new StoreIterator<>(this.store.storage(), this.prefix, range, keysOnly, withExpired,
				this.store.readAhead(), this.view::checkOpen, shape, this.store.observer());
	}

}
