package io.dynamodown;

/**
 * Writes collected to be applied together; repeated keys collapse (the last write wins,
 * as in LevelDB). An atomic batch ({@link LevelDb#batch()}) is written with one
 * {@code TransactWriteItems}, or one {@code PutItem}/{@code DeleteItem} for a single key,
 * and holds at most 100 distinct keys and 4 MB. A bulk write ({@link LevelDb#bulk()}) has
 * no size limit and no atomicity. Keys and values are checked when added. Not
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
	 * Adds a delete.
	 * @param key the key
	 * @return this batch
	 * @throws LevelDbException for an invalid key
	 */
	Batch delete(byte[] key);

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
	 * an atomic batch is over the limits, {@link ErrorCode#TRANSACTION_CANCELLED} when
	 * DynamoDB cancelled it, {@link WritesIncompleteException} when a bulk write left
	 * writes undone
	 */
	void write();

}
