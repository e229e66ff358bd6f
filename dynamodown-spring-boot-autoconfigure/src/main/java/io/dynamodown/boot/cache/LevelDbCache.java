package io.dynamodown.boot.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.Range;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.cache.support.AbstractValueAdaptingCache;
import org.springframework.cache.support.NullValue;

/**
 * A Spring {@link org.springframework.cache.Cache} stored in a {@link LevelDb} (usually a
 * sublevel of its own). A cache key becomes the store key {@code String.valueOf(key)} in
 * UTF-8, so keys must have a stable {@code toString()}; with the sublevel prefix it must
 * fit the store's 1023-byte key limit, else the call fails with a
 * {@link io.dynamodown.LevelDbException} naming the limit and the length. A value is
 * stored as one marker byte ({@code 0} for a cached {@code null}, {@code 1} for a value)
 * followed by the {@link CacheValueSerializer}'s bytes, and expires after the cache's
 * time to live, if any, by the store's clock.
 * <p>
 * Stored entries are untrusted: an entry that cannot be read back (refused by the
 * serializer's allow-list or limits, of an unknown format, corrupt, or larger than the
 * store reads) is a miss: it is evicted, counted ({@link #getUnreadableCount()}) and
 * logged at WARN with the cache and the key, never thrown to the caller.
 * <p>
 * Every operation is one request, except {@link #evictIfPresent} (a read, then a delete)
 * and {@link #clear} (a range delete). {@link #putIfAbsent} and the loaders of
 * {@link #get(Object, Callable)} and {@link #retrieve(Object, Supplier)} write with the
 * store's conditional put, so that instances of an application loading the same key at
 * once all return the value written first.
 */
public final class LevelDbCache extends AbstractValueAdaptingCache {

	private static final Log logger = LogFactory.getLog(LevelDbCache.class);

	private static final byte NULL_MARKER = 0;

	private static final byte VALUE_MARKER = 1;

	private final String name;

	private final LevelDb store;

	private final @Nullable Duration timeToLive;

	private final CacheValueSerializer serializer;

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private final LongAdder puts = new LongAdder();

	private final LongAdder evictions = new LongAdder();

	private final LongAdder unreadable = new LongAdder();

	/**
	 * Creates a cache over a store.
	 * @param name the cache's name
	 * @param store the store the cache owns whole: {@link #clear} empties it
	 * @param timeToLive how long an entry lives, or {@code null} for no expiry
	 * @param allowNullValues whether {@code null} values are cached (as a marker)
	 * @param serializer the serializer of values
	 */
	public LevelDbCache(String name, LevelDb store, @Nullable Duration timeToLive, boolean allowNullValues,
			CacheValueSerializer serializer) {
		super(allowNullValues);
		this.name = name;
		this.store = store;
		this.timeToLive = timeToLive;
		this.serializer = serializer;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public LevelDb getNativeCache() {
		return this.store;
	}

	/**
	 * The time to live of this cache's entries.
	 * @return the time to live, or {@code null} when entries do not expire
	 */
	public @Nullable Duration getTimeToLive() {
		return this.timeToLive;
	}

	@Override
	protected @Nullable Object lookup(Object key) {
		Optional<byte[]> stored = read(key);
		Object value = stored.isPresent() ? readable(key, stored.get()) : null;
		if (value == null) {
			this.misses.increment();
			return null;
		}
		this.hits.increment();
		return value;
	}

	/**
	 * Reads an entry's bytes; an entry the store cannot read (corrupt, or larger than the
	 * store reads) is evicted and answered as absent.
	 */
	private Optional<byte[]> read(Object key) {
		try {
			return this.store.get(storeKey(key));
		}
		catch (LevelDbException ex) {
			if (ex.code() != ErrorCode.CORRUPT_ITEM) {
				throw ex;
			}
			unreadable(key, null, ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * An entry's value, or {@code null} when it cannot be read back (refused by the
	 * serializer, of an unknown format, corrupt): such an entry is evicted, counted and
	 * logged, and the lookup is a miss.
	 */
	private @Nullable Object readable(Object key, byte[] stored) {
		try {
			return decode(stored);
		}
		catch (RuntimeException ex) {
			unreadable(key, stored, ex.getMessage());
			return null;
		}
	}

	private void unreadable(Object key, byte @Nullable [] stored, @Nullable String reason) {
		this.unreadable.increment();
		try {
			if (stored != null) {
				this.store.delete(storeKey(key), stored);
			}
			else {
				this.store.delete(storeKey(key));
			}
		}
		catch (LevelDbException ex) {
			logger.debug("Could not evict the unreadable entry '" + key + "' of cache '" + this.name + "'", ex);
		}
		logger.warn("Cache '" + this.name + "' entry '" + key + "' could not be read and was evicted: " + reason);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
		Object stored = lookup(key);
		if (stored != null) {
			return (T) fromStoreValue(stored);
		}
		T value;
		try {
			value = valueLoader.call();
		}
		catch (Exception ex) {
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
		return (T) firstWritten(key, value);
	}

	@Override
	public @Nullable CompletableFuture<?> retrieve(Object key) {
		Object stored = lookup(key);
		if (stored == null) {
			return null;
		}
		return CompletableFuture.completedFuture(isAllowNullValues() ? toValueWrapper(stored) : fromStoreValue(stored));
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
		Object stored = lookup(key);
		if (stored != null) {
			return CompletableFuture.completedFuture((T) fromStoreValue(stored));
		}
		return valueLoader.get().thenApply((value) -> (T) firstWritten(key, value));
	}

	@Override
	public void put(Object key, @Nullable Object value) {
		byte[] encoded = encode(value);
		if (this.timeToLive != null) {
			this.store.put(storeKey(key), encoded, this.timeToLive);
		}
		else {
			this.store.put(storeKey(key), encoded);
		}
		this.puts.increment();
	}

	@Override
	public @Nullable ValueWrapper putIfAbsent(Object key, @Nullable Object value) {
		return toValueWrapper(writtenBefore(key, value));
	}

	@Override
	public void evict(Object key) {
		this.store.delete(storeKey(key));
		this.evictions.increment();
	}

	@Override
	public boolean evictIfPresent(Object key) {
		byte[] storeKey = storeKey(key);
		Optional<byte[]> current = this.store.get(storeKey);
		if (current.isEmpty()) {
			return false;
		}
		boolean deleted = this.store.delete(storeKey, current.get());
		if (deleted) {
			this.evictions.increment();
		}
		return deleted;
	}

	@Override
	public void clear() {
		this.store.clear(Range.all());
	}

	/**
	 * Removes every entry, as {@link #clear()}: the entries are gone when it returns.
	 * @return {@code false}: whether entries existed before is not determined
	 */
	@Override
	public boolean invalidate() {
		clear();
		return false;
	}

	/**
	 * The number of lookups that found an entry since this cache was created, in this
	 * JVM.
	 * @return the count
	 */
	public long getHitCount() {
		return this.hits.sum();
	}

	/**
	 * The number of lookups that found none since this cache was created, in this JVM.
	 * @return the count
	 */
	public long getMissCount() {
		return this.misses.sum();
	}

	/**
	 * The number of entries written since this cache was created, in this JVM.
	 * @return the count
	 */
	public long getPutCount() {
		return this.puts.sum();
	}

	/**
	 * The number of entries found unreadable (refused by the serializer, of an unknown
	 * format, corrupt or too large for the store) and evicted since this cache was
	 * created, in this JVM; each is also a miss.
	 * @return the count
	 */
	public long getUnreadableCount() {
		return this.unreadable.sum();
	}

	/**
	 * The number of entries evicted by key since this cache was created, in this JVM.
	 * @return the count
	 */
	public long getEvictionCount() {
		return this.evictions.sum();
	}

	private @Nullable Object firstWritten(Object key, @Nullable Object value) {
		Object before = writtenBefore(key, value);
		return (before != null) ? fromStoreValue(before) : value;
	}

	/**
	 * Writes a value unless the key holds a readable one, and answers that one (a store
	 * value), or {@code null} when this value was written. An entry that cannot be read
	 * back is evicted, and the write tried once more.
	 */
	private @Nullable Object writtenBefore(Object key, @Nullable Object value) {
		Optional<byte[]> current = conditionalPut(key, value);
		Object readable = current.map((bytes) -> readable(key, bytes)).orElse(null);
		if (current.isPresent() && readable == null) {
			return conditionalPut(key, value).map((bytes) -> readable(key, bytes)).orElse(null);
		}
		return readable;
	}

	private Optional<byte[]> conditionalPut(Object key, @Nullable Object value) {
		byte[] encoded = encode(value);
		try {
			return conditionalPut(key, encoded);
		}
		catch (LevelDbException ex) {
			if (ex.code() != ErrorCode.CORRUPT_ITEM) {
				throw ex;
			}
			unreadable(key, null, ex.getMessage());
			return conditionalPut(key, encoded);
		}
	}

	private Optional<byte[]> conditionalPut(Object key, byte[] encoded) {
		Optional<byte[]> current = (this.timeToLive != null)
				? this.store.putIfAbsent(storeKey(key), encoded, this.timeToLive)
				: this.store.putIfAbsent(storeKey(key), encoded);
		if (current.isEmpty()) {
			this.puts.increment();
		}
		return current;
	}

	private byte[] encode(@Nullable Object value) {
		Object storeValue = toStoreValue(value);
		if (storeValue == NullValue.INSTANCE) {
			return new byte[] { NULL_MARKER };
		}
		byte[] serialized = this.serializer.serialize(storeValue);
		byte[] encoded = new byte[serialized.length + 1];
		encoded[0] = VALUE_MARKER;
		System.arraycopy(serialized, 0, encoded, 1, serialized.length);
		return encoded;
	}

	private Object decode(byte[] stored) {
		if (stored.length == 1 && stored[0] == NULL_MARKER) {
			return NullValue.INSTANCE;
		}
		if (stored.length == 0 || stored[0] != VALUE_MARKER) {
			throw new IllegalStateException("Cache '" + this.name + "' holds an entry of an unknown format");
		}
		return this.serializer.deserialize(Arrays.copyOfRange(stored, 1, stored.length));
	}

	private static byte[] storeKey(Object key) {
		return String.valueOf(key).getBytes(StandardCharsets.UTF_8);
	}

}
