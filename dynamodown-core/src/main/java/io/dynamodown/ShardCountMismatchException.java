package io.dynamodown;

import org.jspecify.annotations.Nullable;

/**
 * A database was opened with another shard count than the one it has
 * ({@link LevelDbBuilder#shards(int)}): the count belongs to the database, recorded with
 * it, and a store with another count would look for its keys under other partition keys.
 * Code {@link ErrorCode#SCHEMA_MISMATCH}; both counts are given as data.
 */
public final class ShardCountMismatchException extends LevelDbException {

	private static final long serialVersionUID = 1L;

	/** The shard count the database has. */
	private final int recordedShards;

	/** The shard count the store was opened with. */
	private final int requestedShards;

	/**
	 * Creates the exception.
	 * @param message what failed, naming both counts
	 * @param recordedShards the count the database has
	 * @param requestedShards the count it was opened with
	 * @param cause the underlying failure, if any
	 */
	public ShardCountMismatchException(String message, int recordedShards, int requestedShards,
			@Nullable Throwable cause) {
		super(ErrorCode.SCHEMA_MISMATCH, message, cause);
		this.recordedShards = recordedShards;
		this.requestedShards = requestedShards;
	}

	/**
	 * The shard count the database has, as recorded with it (1 for a database written
	 * before shard counts were recorded).
	 * @return the count
	 */
	public int recordedShards() {
		return this.recordedShards;
	}

	/**
	 * The shard count the store was opened with.
	 * @return the count
	 */
	public int requestedShards() {
		return this.requestedShards;
	}

}
