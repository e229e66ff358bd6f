package io.dynamodown;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.dynamodown.batch.BatchPlanner;
import io.dynamodown.batch.WriteOp;
import io.dynamodown.codec.Codec;
import io.dynamodown.codec.TypedLevelDb;
import io.dynamodown.iterator.RangeIterator;
import io.dynamodown.key.ByteKey;
import io.dynamodown.key.ByteKeys;
import io.dynamodown.limit.Limits;
import io.dynamodown.range.RangePlanner;
import io.dynamodown.storage.DynamoStorage;

/**
 * The store, or a sublevel view of it: checks arguments and limits, the open state and
 * sublevel prefixes, then hands full keys to the {@link DynamoStorage}.
 */
final class DynamoLevelDb implements LevelDb {

	private static final int CLEAR_CHUNK = 1000;

	private final StoreLifecycle lifecycle;

	private final DynamoStorage storage;

	private final byte[] prefix;

	private final boolean readAhead;

	private final AtomicBoolean viewOpen = new AtomicBoolean(true);

	private final boolean root;

	private final Supplier<String> tableStatus;

	DynamoLevelDb(StoreLifecycle lifecycle, DynamoStorage storage, byte[] prefix, boolean readAhead,
			Supplier<String> tableStatus) {
		this.lifecycle = lifecycle;
		this.tableStatus = tableStatus;
		this.storage = storage;
		this.prefix = prefix;
		this.readAhead = readAhead;
		this.root = prefix.length == 0;
	}

	@Override
	public Optional<byte[]> get(byte[] key) {
		byte[] full = checkedKey(key);
		return run(() -> this.storage.get(full));
	}

	@Override
	public List<Optional<byte[]>> getMany(List<byte[]> keys) {
		checkOpen();
		checkArgument(keys, "keys");
		List<ByteKey> fullKeys = new ArrayList<>(keys.size());
		Set<ByteKey> distinct = new LinkedHashSet<>();
		for (byte[] key : keys) {
			ByteKey full = new ByteKey(checkedKey(key));
			fullKeys.add(full);
			distinct.add(full);
		}
		if (distinct.isEmpty()) {
			return List.of();
		}
		List<byte[]> distinctKeys = distinct.stream().map(ByteKey::bytes).toList();
		Map<ByteKey, byte[]> found = run(() -> this.storage.getMany(distinctKeys));
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
		WriteOp.Put put = checkedPut(key, value);
		run(() -> this.storage.put(put.key(), put.value()));
	}

	@Override
	public void delete(byte[] key) {
		byte[] full = checkedKey(key);
		run(() -> this.storage.delete(full));
	}

	@Override
	public Batch batch() {
		checkOpen();
		return new CollectingBatch(this, (writes) -> {
			List<WriteOp> distinct = BatchPlanner.collapse(writes);
			BatchPlanner.checkAtomic(this.storage.layout(), distinct);
			run(() -> this.storage.writeAtomic(distinct));
		});
	}

	@Override
	public Batch bulk() {
		checkOpen();
		return new CollectingBatch(this, (writes) -> writeBulk("bulk write", BatchPlanner.collapse(writes)));
	}

	@Override
	public LevelIterator<Entry> iterator(Range range) {
		return iterate(range, false, Function.identity());
	}

	@Override
	public LevelIterator<byte[]> keys(Range range) {
		return iterate(range, true, Entry::key);
	}

	@Override
	public LevelIterator<byte[]> values(Range range) {
		return iterate(range, false, Entry::value);
	}

	@Override
	public void clear(Range range) {
		try (LevelIterator<byte[]> keys = keys(range)) {
			while (keys.hasNext()) {
				List<WriteOp> deletes = new ArrayList<>(CLEAR_CHUNK);
				for (byte[] key : keys.nextv(CLEAR_CHUNK)) {
					deletes.add(new WriteOp.Delete(ByteKeys.concat(this.prefix, key)));
				}
				writeBulk("clear", deletes);
			}
		}
	}

	@Override
	public long approximateSize(Range range) {
		checkArgument(range, "range");
		return run(() -> this.storage.estimateSize(RangePlanner.plan(this.prefix, range)));
	}

	@Override
	public LevelDb sublevel(String name) {
		if (name == null || name.isEmpty() || name.indexOf('!') >= 0) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"sublevel name must be non-empty and must not contain '!', was "
							+ ((name == null) ? "null" : "'" + name + "'"));
		}
		checkOpen();
		byte[] sublevelPrefix = ByteKeys.concat(this.prefix, ("!" + name + "!").getBytes(StandardCharsets.UTF_8));
		if (sublevelPrefix.length > Limits.MAX_KEY_BYTES) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT, "sublevel prefix of " + sublevelPrefix.length
					+ " bytes leaves no room in the key length limit of " + Limits.MAX_KEY_BYTES + " bytes");
		}
		return new DynamoLevelDb(this.lifecycle, this.storage, sublevelPrefix, this.readAhead, this.tableStatus);
	}

	@Override
	public <K, V> TypedLevelDb<K, V> as(Codec<K> keyCodec, Codec<V> valueCodec) {
		return new TypedLevelDb<>(this, keyCodec, valueCodec);
	}

	@Override
	public String table() {
		return this.storage.layout().table();
	}

	@Override
	public String hashKey() {
		return this.storage.layout().hashKey();
	}

	@Override
	public String tableStatus() {
		return run(this.tableStatus);
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
		if (this.root) {
			this.lifecycle.close();
		}
	}

	@Override
	public String toString() {
		return "LevelDb[" + table() + "/" + hashKey()
				+ (this.root ? "" : ", sublevel " + new String(this.prefix, StandardCharsets.UTF_8)) + "]";
	}

	byte[] checkedKey(byte[] key) {
		if (key == null) {
			throw new LevelDbException(ErrorCode.INVALID_KEY, "key must not be null");
		}
		return Limits.checkKey(this.root ? key.clone() : ByteKeys.concat(this.prefix, key));
	}

	WriteOp.Put checkedPut(byte[] key, byte[] value) {
		byte[] full = checkedKey(key);
		Limits.checkValue(value);
		Limits.checkItemSize(full, this.storage.layout().itemSize(full, value.length));
		return new WriteOp.Put(full, value.clone());
	}

	private <T> LevelIterator<T> iterate(Range range, boolean keysOnly, Function<Entry, T> shape) {
		checkArgument(range, "range");
		checkOpen();
		return new RangeIterator<>(this.storage, this.prefix, range, keysOnly, this.readAhead, this::checkOpen, shape);
	}

	private void writeBulk(String what, List<WriteOp> distinct) {
		try {
			run(() -> this.storage.writeBulk(what, distinct));
		}
		catch (WritesIncompleteException ex) {
			List<byte[]> relative = new ArrayList<>(ex.unwrittenKeys().size());
			ex.unwrittenKeys().forEach((key) -> relative.add(Arrays.copyOfRange(key, this.prefix.length, key.length)));
			throw new WritesIncompleteException(what, distinct.size(), relative, ex.getCause());
		}
	}

	private static void checkArgument(Object argument, String name) {
		if (argument == null) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT, "'" + name + "' must not be null");
		}
	}

	private void checkOpen() {
		if (!this.viewOpen.get()) {
			throw new LevelDbException(ErrorCode.NOT_OPEN, "this view of the store " + this + " is closed");
		}
		this.lifecycle.checkOpen();
	}

	private <T> T run(Supplier<T> operation) {
		checkOpen();
		return this.lifecycle.run(operation);
	}

	private void run(Runnable operation) {
		checkOpen();
		this.lifecycle.run(operation);
	}

}
