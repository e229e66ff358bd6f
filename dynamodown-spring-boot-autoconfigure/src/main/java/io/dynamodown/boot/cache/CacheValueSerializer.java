package io.dynamodown.boot.cache;

/**
 * Turns cached values into the bytes a {@link LevelDbCache} stores, and back. The cache
 * does not know the declared type of a cached method's result, so the bytes must say
 * enough to rebuild the value.
 */
public interface CacheValueSerializer {

	/**
	 * Serialises a value.
	 * @param value the value, never {@code null} (null values are stored as a marker by
	 * the cache)
	 * @return the bytes to store
	 * @throws IllegalStateException for a value that cannot be serialised, naming its
	 * type
	 */
	byte[] serialize(Object value);

	/**
	 * Rebuilds a value from the bytes {@link #serialize} made.
	 * @param bytes the stored bytes
	 * @return the value
	 * @throws IllegalStateException for bytes that cannot be read back
	 */
	Object deserialize(byte[] bytes);

}
