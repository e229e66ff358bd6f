package io.dynamodown.codec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.dynamodown.Batch;
import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.LevelIterator;
import io.dynamodown.Range;
import org.jspecify.annotations.Nullable;

/**
 * A typed view of a {@link LevelDb}: keys and values go through codecs, everything else
 * (limits, atomicity, requests) is the byte store's.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class TypedLevelDb<K, V> {

	private final LevelDb db;

	private final Codec<K> keyCodec;

	private final Codec<V> valueCodec;

	private TypedLevelDb(LevelDb db, Codec<K> keyCodec, Codec<V> valueCodec) {
		this.db = db;
		this.keyCodec = keyCodec;
		this.valueCodec = valueCodec;
	}

	/**
	 * A typed view of a store through codecs.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param db the byte store
	 * @param keyCodec encodes keys; it must keep the order wanted for iteration
	 * @param valueCodec encodes values
	 * @return the typed view
	 * @throws LevelDbException {@link ErrorCode#INVALID_ARGUMENT} when an argument is
	 * {@code null}
	 */
	public static <K, V> TypedLevelDb<K, V> of(LevelDb db, Codec<K> keyCodec, Codec<V> valueCodec) {
		return new TypedLevelDb<>(notNull(db, "db"), notNull(keyCodec, "keyCodec"), notNull(valueCodec, "valueCodec"));
	}

	/**
	 * Reads a key.
	 * @param key the key
	 * @return the value, or empty when absent
	 */
	public Optional<V> get(K key) {
		return this.db.get(Encoding.key(this.keyCodec, key)).map(this.valueCodec::decode);
	}

	/**
	 * Reads many keys.
	 * @param keys the keys
	 * @return the values in the order of {@code keys}, empty for absent keys
	 */
	public List<Optional<V>> getMany(List<K> keys) {
		notNull(keys, "keys");
		List<byte[]> encoded = new ArrayList<>(keys.size());
		keys.forEach((key) -> encoded.add(Encoding.key(this.keyCodec, key)));
		List<Optional<V>> values = new ArrayList<>(keys.size());
		this.db.getMany(encoded).forEach((value) -> values.add(value.map(this.valueCodec::decode)));
		return values;
	}

	/**
	 * Writes a value.
	 * @param key the key
	 * @param value the value
	 */
	public void put(K key, V value) {
		this.db.put(Encoding.key(this.keyCodec, key), Encoding.value(this.valueCodec, value));
	}

	/**
	 * Writes a value that expires {@code ttl} after the store's now
	 * ({@link LevelDb#put(byte[], byte[], Duration)}).
	 * @param key the key
	 * @param value the value
	 * @param ttl the time to live
	 */
	public void put(K key, V value, Duration ttl) {
		this.db.put(Encoding.key(this.keyCodec, key), Encoding.value(this.valueCodec, value), ttl);
	}

	/**
	 * Writes a value only when the key is absent or expired
	 * ({@link LevelDb#putIfAbsent}).
	 * @param key the key
	 * @param value the value
	 * @return empty when written, else the key's current value
	 */
	public Optional<V> putIfAbsent(K key, V value) {
		return this.db.putIfAbsent(Encoding.key(this.keyCodec, key), Encoding.value(this.valueCodec, value))
			.map(this.valueCodec::decode);
	}

	/**
	 * Writes a value that expires {@code ttl} after the store's now, only when the key is
	 * absent or expired.
	 * @param key the key
	 * @param value the value
	 * @param ttl the time to live
	 * @return empty when written, else the key's current value
	 */
	public Optional<V> putIfAbsent(K key, V value, Duration ttl) {
		return this.db.putIfAbsent(Encoding.key(this.keyCodec, key), Encoding.value(this.valueCodec, value), ttl)
			.map(this.valueCodec::decode);
	}

	/**
	 * Compare-and-set ({@link LevelDb#replace(byte[], byte[], byte[])}): values compare
	 * by their encoded bytes, so the value codec must encode equal values alike.
	 * @param key the key
	 * @param expected the value the key must hold
	 * @param value the new value
	 * @return whether it was written
	 */
	public boolean replace(K key, V expected, V value) {
		return this.db.replace(Encoding.key(this.keyCodec, key), Encoding.value(this.valueCodec, expected),
				Encoding.value(this.valueCodec, value));
	}

	/**
	 * Compare-and-set with a new expiry
	 * ({@link LevelDb#replace(byte[], byte[], byte[], Duration)}).
	 * @param key the key
	 * @param expected the value the key must hold
	 * @param value the new value
	 * @param ttl the time to live of the new value
	 * @return whether it was written
	 */
	public boolean replace(K key, V expected, V value, Duration ttl) {
		return this.db.replace(Encoding.key(this.keyCodec, key), Encoding.value(this.valueCodec, expected),
				Encoding.value(this.valueCodec, value), ttl);
	}

	/**
	 * Deletes a key.
	 * @param key the key
	 */
	public void delete(K key) {
		this.db.delete(Encoding.key(this.keyCodec, key));
	}

	/**
	 * Deletes a key only when it holds {@code expected}
	 * ({@link LevelDb#delete(byte[], byte[])}).
	 * @param key the key
	 * @param expected the value the key must hold
	 * @return whether it was deleted
	 */
	public boolean delete(K key, V expected) {
		return this.db.delete(Encoding.key(this.keyCodec, key), Encoding.value(this.valueCodec, expected));
	}

	/**
	 * Starts an atomic batch.
	 * @return an empty batch
	 */
	public TypedBatch<K, V> batch() {
		return new TypedBatch<>(this.db.batch(), this.keyCodec, this.valueCodec);
	}

	/**
	 * Starts a non-atomic bulk write ({@link LevelDb#bulk()}).
	 * @return an empty bulk write
	 */
	public TypedBatch<K, V> bulk() {
		return new TypedBatch<>(this.db.bulk(), this.keyCodec, this.valueCodec);
	}

	/**
	 * A range over typed keys, unbounded, forward, unlimited.
	 * @return the range, to narrow with its methods
	 */
	public TypedRange<K> range() {
		return new TypedRange<>(this.keyCodec, Range.all());
	}

	/**
	 * Iterates over decoded entries. {@link LevelIterator#seek} takes an encoded key
	 * ({@code keyCodec().encode(key)}).
	 * @param range the range
	 * @return an iterator to close after use
	 */
	public LevelIterator<Map.Entry<K, V>> iterator(TypedRange<K> range) {
		return new MappedIterator<>(this.db.iterator(notNull(range, "range").toRange()),
				(entry) -> Map.entry(this.keyCodec.decode(entry.key()), this.valueCodec.decode(entry.value())));
	}

	/**
	 * The decoded entries of a range as a stream that closes its iterator when closed or
	 * exhausted.
	 * @param range the range
	 * @return a sequential stream
	 */
	public Stream<Map.Entry<K, V>> stream(TypedRange<K> range) {
		return iterator(range).stream();
	}

	/**
	 * Iterates over decoded keys; only keys are read.
	 * @param range the range
	 * @return an iterator to close after use
	 */
	public LevelIterator<K> keys(TypedRange<K> range) {
		return new MappedIterator<>(this.db.keys(notNull(range, "range").toRange()), this.keyCodec::decode);
	}

	/**
	 * Iterates over decoded values.
	 * @param range the range
	 * @return an iterator to close after use
	 */
	public LevelIterator<V> values(TypedRange<K> range) {
		return new MappedIterator<>(this.db.values(notNull(range, "range").toRange()), this.valueCodec::decode);
	}

	/**
	 * Deletes a range.
	 * @param range the range
	 */
	public void clear(TypedRange<K> range) {
		this.db.clear(notNull(range, "range").toRange());
	}

	/**
	 * A typed sublevel with the same codecs.
	 * @param name the sublevel name
	 * @return the typed sublevel
	 */
	public TypedLevelDb<K, V> sublevel(String name) {
		return new TypedLevelDb<>(this.db.sublevel(name), this.keyCodec, this.valueCodec);
	}

	/**
	 * The key codec.
	 * @return the codec
	 */
	public Codec<K> keyCodec() {
		return this.keyCodec;
	}

	/**
	 * The byte store under this view.
	 * @return the store
	 */
	public LevelDb unwrap() {
		return this.db;
	}

	private static <T> T notNull(@Nullable T argument, String name) {
		if (argument == null) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT, "'" + name + "' must not be null");
		}
		return argument;
	}

	/**
	 * A batch of typed writes: atomic or bulk, as the byte batch it wraps.
	 *
	 * @param <K> the key type
	 * @param <V> the value type
	 */
	public static final class TypedBatch<K, V> {

		private final Batch batch;

		private final Codec<K> keyCodec;

		private final Codec<V> valueCodec;

		TypedBatch(Batch batch, Codec<K> keyCodec, Codec<V> valueCodec) {
			this.batch = batch;
			this.keyCodec = keyCodec;
			this.valueCodec = valueCodec;
		}

		/**
		 * Adds a put.
		 * @param key the key
		 * @param value the value
		 * @return this batch
		 */
		public TypedBatch<K, V> put(K key, V value) {
			this.batch.put(Encoding.key(this.keyCodec, key), Encoding.value(this.valueCodec, value));
			return this;
		}

		/**
		 * Adds a put of a key that expires {@code ttl} after the store's now.
		 * @param key the key
		 * @param value the value
		 * @param ttl the time to live
		 * @return this batch
		 */
		public TypedBatch<K, V> put(K key, V value, Duration ttl) {
			this.batch.put(Encoding.key(this.keyCodec, key), Encoding.value(this.valueCodec, value), ttl);
			return this;
		}

		/**
		 * Adds a put that requires the key to be absent or expired (atomic batches only).
		 * @param key the key
		 * @param value the value
		 * @return this batch
		 */
		public TypedBatch<K, V> putIfAbsent(K key, V value) {
			this.batch.putIfAbsent(Encoding.key(this.keyCodec, key), Encoding.value(this.valueCodec, value));
			return this;
		}

		/**
		 * Adds a put that requires the key to hold {@code expected} (atomic batches
		 * only).
		 * @param key the key
		 * @param expected the value the key must hold
		 * @param value the new value
		 * @return this batch
		 */
		public TypedBatch<K, V> replace(K key, V expected, V value) {
			this.batch.replace(Encoding.key(this.keyCodec, key), Encoding.value(this.valueCodec, expected),
					Encoding.value(this.valueCodec, value));
			return this;
		}

		/**
		 * Adds a delete.
		 * @param key the key
		 * @return this batch
		 */
		public TypedBatch<K, V> delete(K key) {
			this.batch.delete(Encoding.key(this.keyCodec, key));
			return this;
		}

		/**
		 * Adds a delete that requires the key to hold {@code expected} (atomic batches
		 * only).
		 * @param key the key
		 * @param expected the value the key must hold
		 * @return this batch
		 */
		public TypedBatch<K, V> delete(K key, V expected) {
			this.batch.delete(Encoding.key(this.keyCodec, key), Encoding.value(this.valueCodec, expected));
			return this;
		}

		/**
		 * Writes the batch: atomically for a batch, as a bulk write for a bulk.
		 */
		public void write() {
			this.batch.write();
		}

	}

}
