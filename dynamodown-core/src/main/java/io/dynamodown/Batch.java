package io.dynamodown;

import java.time.Duration;

/**
 * Writes collected to be applied together; repeated keys collapse (the last write wins,
 * as in LevelDB). An atomic batch ({@link LevelDb#batch()}) is written with one
 * {@code TransactWriteItems}, or one {@code PutItem}/{@code DeleteItem} for a single
 * unconditional key, and holds at most 100 distinct keys and 4 MB; its writes may carry
 * conditions, and if one fails, nothing is written. A bulk write ({@link LevelDb#bulk()})
 * has no size limit and no atomicity. Keys and values are checked when added. Not
 * thread-safe.
 */
public interface Batch {

	/**
	 * Adds a put.
	 * @param key the key
	 * @param value the value
	 * @return this batch
	 * @throws LevelDbException for an invalid key or value
	 */
	Batch put(byte[] key, byte[] value);

	/**
	 * Adds a put of a key that expires {@code ttl} after the store's now (computed when
	 * added).
	 * @param key the key
	 * @param value the value
	 * @param ttl the time to live: positive, at most 100 years
	 * @return this batch
	 * @throws LevelDbException for an invalid key, value or time to live
	 */
	Batch put(byte[] key, byte[] value, Duration ttl);

	/**
	 * Adds a put that requires the key to be absent (or expired). Atomic batches only.
	 * @param key the key
	 * @param value the value
	 * @return this batch
	 * @throws LevelDbException for an invalid key or value;
	 * {@link ErrorCode#INVALID_ARGUMENT} on a bulk write
	 */
	Batch putIfAbsent(byte[] key, byte[] value);

	/**
	 * Adds a put that requires the key's current (live) value to equal {@code expected}.
	 * Atomic batches only.
	 * @param key the key
	 * @param expected the value the key must hold
	 * @param value the new value
	 * @return this batch
	 * @throws LevelDbException for an invalid key or value;
	 * {@link ErrorCode#INVALID_ARGUMENT} on a bulk write
	 */
	Batch replace(byte[] key, byte[] expected, byte[] value);

	/**
	 * Adds a delete.
	 * @param key the key
	 * @return this batch
	 * @throws LevelDbException for an invalid key
	 */
	Batch delete(byte[] key);

	/**
	 * Adds a delete that requires the key's current (live) value to equal
	 * {@code expected}. Atomic batches only.
	 * @param key the key
	 * @param expected the value the key must hold
	 * @return this batch
	 * @throws LevelDbException for an invalid key or value;
	 * {@link ErrorCode#INVALID_ARGUMENT} on a bulk write
	 */
	Batch delete(byte[] key, byte[] expected);

	/**
	 * The number of writes added (before collapsing repeated keys).
	 * @return the count
	 */
	int size();

	/**
	 * Removes every write added.
	 * @return this batch
	 */
	Batch clear();

	/**
	 * Writes the batch. An atomic batch: all of its writes become visible, or none. A
	 * bulk write: every write is done, or the exception names the keys that were not.
	 * @throws LevelDbException {@link ErrorCode#BATCH_TOO_LARGE} before any request when
	 * an atomic batch is over the limits, {@link ErrorCode#CONDITION_FAILED} naming the
	 * keys whose condition failed (nothing written),
	 * {@link ErrorCode#TRANSACTION_CANCELLED} when DynamoDB cancelled it otherwise,
	 * {@link WritesIncompleteException} when a bulk write left writes undone
	 */
	void write();

}
