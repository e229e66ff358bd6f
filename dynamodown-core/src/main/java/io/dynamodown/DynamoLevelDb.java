package io.dynamodown;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.dynamodown.changes.SubscriptionOptions;
import io.dynamodown.internal.batch.BatchPlanner;
import io.dynamodown.internal.changes.FeedNames;
import io.dynamodown.internal.batch.WriteOp;
import io.dynamodown.internal.condition.Condition;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.key.ByteKey;
import io.dynamodown.internal.key.ByteKeys;
import io.dynamodown.internal.limit.Limits;
import io.dynamodown.internal.range.RangePlanner;
import io.dynamodown.internal.range.SortKeyRange;
import io.dynamodown.internal.storage.ConditionalResult;
import io.dynamodown.internal.value.StoredValue;
import org.jspecify.annotations.Nullable;

/**
 * The store, or a sublevel view of it: checks arguments and limits, the open state and
 * sublevel prefixes, then hands full keys to the storage.
 */
final class DynamoLevelDb implements LevelDb {

	private final StoreContext store;

	private final byte[] prefix;

	private final AtomicBoolean viewOpen = new AtomicBoolean(true);

	private final boolean root;

	DynamoLevelDb(StoreContext store, byte[] prefix) {
		this.store = store;
		this.prefix = prefix;
		this.root = prefix.length == 0;
	}

	@Override
	public Optional<byte[]> get(byte[] key) {
		byte[] full = checkedKey(key);
		return run("get", 1, () -> this.store.storage().get(full));
	}

	@Override
	public List<Optional<byte[]>> getMany(List<byte[]> keys) {
		checkArgument(keys, "keys");
		List<ByteKey> fullKeys = new ArrayList<>(keys.size());
		Set<ByteKey> distinct = new LinkedHashSet<>();
		for (byte[] key : keys) {
			ByteKey full = new ByteKey(checkedKey(key));
			fullKeys.add(full);
			distinct.add(full);
		}
		List<byte[]> distinctKeys = distinct.stream().map(ByteKey::bytes).toList();
		Map<ByteKey, byte[]> found = run("getMany", distinctKeys.size(),
				() -> distinctKeys.isEmpty() ? Map.of() : this.store.storage().getMany(distinctKeys));
		List<Optional<byte[]>> values = new ArrayList<>(keys.size());
		Set<ByteKey> handedOut = new HashSet<>();
		for (ByteKey key : fullKeys) {
			byte[] value = found.get(key);
			if (value == null) {
				values.add(Optional.empty());
			}
			else {
				values.add(Optional.of(handedOut.add(key) ? value : value.clone()));
			}
		}
		return values;
	}

	@Override
	public void put(byte[] key, byte[] value) {
		WriteOp.Put put = checkedPut(key, value, null, null);
		run("put", 1, () -> this.store.storage().put(put));
	}

	@Override
	public void put(byte[] key, byte[] value, Duration ttl) {
		Duration checkedTtl = checkedTtl(ttl);
		WriteOp.Put put = checkedPut(key, value, checkedTtl, null);
		run("put", 1, () -> this.store.storage().put(put));
	}

	@Override
	public Optional<byte[]> putIfAbsent(byte[] key, byte[] value) {
		return writeConditional("putIfAbsent", checkedPut(key, value, null, Condition.ABSENT)).currentValue();
	}

	@Override
	public Optional<byte[]> putIfAbsent(byte[] key, byte[] value, Duration ttl) {
		Duration checkedTtl = checkedTtl(ttl);
		return writeConditional("putIfAbsent", checkedPut(key, value, checkedTtl, Condition.ABSENT)).currentValue();
	}

	@Override
	public boolean replace(byte[] key, byte[] expected, byte[] value) {
		return writeConditional("replace", checkedPut(key, value, null, checkedExpected(expected))).written();
	}

	@Override
	public boolean replace(byte[] key, byte[] expected, byte[] value, Duration ttl) {
		Duration checkedTtl = checkedTtl(ttl);
		return writeConditional("replace", checkedPut(key, value, checkedTtl, checkedExpected(expected))).written();
	}

	@Override
	public void delete(byte[] key) {
		byte[] full = checkedKey(key);
		run("delete", 1, () -> this.store.storage().delete(full));
	}

	@Override
	public boolean delete(byte[] key, byte[] expected) {
		WriteOp.Delete delete = new WriteOp.Delete(checkedKey(key), checkedExpected(expected));
		return writeConditional("delete", delete).written();
	}

	@Override
	public Batch batch() {
		checkOpen();
		return new CollectingBatch(this, true, (writes) -> {
			List<WriteOp> distinct = BatchPlanner.collapse(writes);
			Errors.run(() -> BatchPlanner.checkAtomic(this.store.layout(), distinct));
			run("batch", distinct.size(), () -> this.store.storage().writeAtomic(distinct));
		});
	}

	@Override
	public Batch bulk() {
		checkOpen();
		return new CollectingBatch(this, false,
				(writes) -> writeBulk("bulk", "bulk write", BatchPlanner.collapse(writes)));
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
		checkArgument(range, "range");
		checkOpen();
		if (range.limit() == 0) {
			return;
		}
		SortKeyRange planned = RangePlanner.plan(this.prefix, range.lower(), range.upper());
		if (!planned.empty()) {
			run("clear", 0, () -> this.store.storage()
				.clear(planned, range.isReverse(), range.isLimited() ? range.limit() : -1));
		}
	}

	@Override
	public long repair() {
		return run("repair", 0, () -> this.store.storage().removeOrphans(REPAIR_MIN_AGE));
	}

	@Override
	public long approximateSize(Range range) {
		checkArgument(range, "range");
		return run("approximateSize", 0,
				() -> this.store.storage().estimateSize(RangePlanner.plan(this.prefix, range.lower(), range.upper())));
	}

	@Override
	public long copyTo(LevelDb target) {
		checkArgument(target, "target");
		if (!this.root) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"copyTo copies a whole database: call it on the root store, not on the sublevel " + this);
		}
		if (!(target instanceof DynamoLevelDb other) || !other.root) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"the target of copyTo must be the root store of another database opened with LevelDb.builder, was "
							+ target);
		}
		if (other.table().equals(table()) && other.hashKey().equals(hashKey())
				&& other.store.storage().sameClient(this.store.storage())) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"the target of copyTo must be another database than " + this + ", was " + target);
		}
		return run("copyTo", 0, () -> other.store.lifecycle()
			.run(other.viewOpen, other, () -> this.store.storage().copyTo(other.store.storage())));
	}

	@Override
	public int shards() {
		return this.store.layout().shards();
	}

	@Override
	public Subscription subscribe(String consumer, SubscriptionOptions options, Consumer<Change> handler) {
		String name = Errors.call(() -> FeedNames.checkConsumer(consumer));
		SubscriptionOptions checked = SubscriptionOptionsCheck.check(options);
		checkArgument(handler, "handler");
		checkOpen();
		FeedNames names = new FeedNames(name, this.prefix);
		return run("subscribe", 0, () -> new ChangeSubscription(this.store.feed()
			.subscribe(names, checked, (change) -> handler.accept(ChangeSubscription.toChange(change)))));
	}

	@Override
	public LevelDb sublevel(String name) {
		if (name == null || name.isEmpty() || name.indexOf('!') >= 0) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"sublevel name must be non-empty and must not contain '!', was "
							+ ((name == null) ? "null" : "'" + name + "'"));
		}
		checkOpen();
		byte[] sublevelPrefix = ByteKeys.concat(this.prefix,
				Errors.call(() -> Limits.utf8("!" + name + "!", Kind.INVALID_ARGUMENT, "sublevel name")));
		if (sublevelPrefix.length > Limits.MAX_KEY_BYTES) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT, "sublevel prefix of " + sublevelPrefix.length
					+ " bytes leaves no room in the key length limit of " + Limits.MAX_KEY_BYTES + " bytes");
		}
		return new DynamoLevelDb(this.store, sublevelPrefix);
	}

	@Override
	public String table() {
		return this.store.layout().table();
	}

	@Override
	public String hashKey() {
		return this.store.layout().hashKey();
	}

	@Override
	public String tableStatus() {
		return run("tableStatus", 0, () -> this.store.status().describe().tableStatusAsString());
	}

	@Override
	public byte[] prefix() {
		return this.prefix.clone();
	}

	@Override
	public boolean isOpen() {
		return this.viewOpen.get() && this.store.lifecycle().isOpen();
	}

	@Override
	public void close() {
		this.viewOpen.set(false);
		if (this.root && this.store.lifecycle().isOpen()) {
			this.store.feed().close();
			this.store.lifecycle().close();
		}
	}

	@Override
	public String toString() {
		return "LevelDb[" + table() + "/" + hashKey()
				+ (this.root ? "" : ", sublevel " + new String(this.prefix, StandardCharsets.UTF_8)) + "]";
	}

	/**
	 * The full key of a key of this view, checked: not null, within the key limit.
	 */
	byte[] checkedKey(byte @Nullable [] key) {
		if (key == null) {
			throw new LevelDbException(ErrorCode.INVALID_KEY, "key must not be null");
		}
		byte[] full = this.root ? key.clone() : ByteKeys.concat(this.prefix, key);
		return Errors.call(() -> Limits.checkKey(full));
	}

	/**
	 * A put of this view, checked: key and value not null, the key within its limit, the
	 * value compressed (when that saves enough) and its stored form within the largest
	 * value; with a time to live, its expiry is computed now.
	 */
	WriteOp.Put checkedPut(byte @Nullable [] key, byte @Nullable [] value, @Nullable Duration ttl,
			@Nullable Condition condition) {
		byte[] full = checkedKey(key);
		return Errors.call(() -> {
			StoredValue stored = this.store.storage().encoder().checked(full, Limits.checkValue(value));
			Long expiresAt = (ttl != null) ? this.store.storage().clock().expiresAt(ttl) : null;
			return new WriteOp.Put(full, stored, expiresAt, condition);
		});
	}

	/**
	 * A time to live, checked: positive, within the limit.
	 */
	Duration checkedTtl(@Nullable Duration ttl) {
		return Errors.call(() -> Limits.checkTtl(ttl));
	}

	/**
	 * The condition that the key holds {@code expected}, checked: not null.
	 */
	Condition checkedExpected(byte @Nullable [] expected) {
		if (expected == null) {
			throw new LevelDbException(ErrorCode.INVALID_VALUE, "expected value must not be null");
		}
		return new Condition.ValueIs(expected.clone());
	}

	private ConditionalResult writeConditional(String operation, WriteOp write) {
		return run(operation, 1, () -> this.store.storage().writeConditional(write));
	}

	private <T> LevelIterator<T> iterate(Range range, boolean keysOnly, boolean withExpired, Function<Entry, T> shape) {
		checkArgument(range, "range");
		checkOpen();
		return new StoreIterator<>(this.store.storage(), this.prefix, range, keysOnly, withExpired,
				this.store.readAhead(), this::checkOpen, shape, this.store.observer());
	}

	private void writeBulk(String operation, String what, List<WriteOp> distinct) {
		run(operation, distinct.size(), () -> this.store.storage().writeBulk(what, distinct));
	}

	private static void checkArgument(@Nullable Object argument, String name) {
		if (argument == null) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT, "'" + name + "' must not be null");
		}
	}

	private void checkOpen() {
		this.store.lifecycle().checkOpen(this.viewOpen, this);
	}

	/**
	 * Runs an operation of the storage while the store and this view are open; the keys
	 * of incomplete writes are reported relative to this view.
	 */
	private <T> T run(String name, long items, Supplier<T> operation) {
		return this.store.observer()
			.observe(name, items, () -> Errors.call(this.prefix.length,
					() -> this.store.lifecycle().run(this.viewOpen, this, operation)));
	}

	private void run(String name, long items, Runnable operation) {
		run(name, items, () -> {
			operation.run();
			return null;
		});
	}

}
