package io.dynamodown.internal.failure;

import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The one exception the internals throw: the {@link Kind} of failure, a message naming
 * the limit or the request and the offending value, and the AWS failure as the cause. It
 * never reaches a user: the public face turns it into the store's public exception, whose
 * error code the kind decides.
 */
public final class StoreFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private static final Unwritten NONE = new Unwritten("", 0, List.of());

	/** The kind of failure. */
	private final Kind kind;

	/** What failed, naming the limit and the value. */
	private final String message;

	private final transient Unwritten unwritten;

	private final transient @Nullable ShardCounts shardCounts;

	/**
	 * Creates a failure.
	 * @param kind the kind of failure
	 * @param message what failed, naming the limit and the value
	 */
	public StoreFailure(Kind kind, String message) {
		this(kind, message, null);
	}

	/**
	 * Creates a failure with a cause.
	 * @param kind the kind of failure
	 * @param message what failed, naming the limit and the value
	 * @param cause the underlying failure, if any
	 */
	public StoreFailure(Kind kind, String message, @Nullable Throwable cause) {
		this(kind, message, cause, NONE, null);
	}

	private StoreFailure(Kind kind, String message, @Nullable Throwable cause, Unwritten unwritten,
			@Nullable ShardCounts shardCounts) {
		super(message, cause);
		this.kind = kind;
		this.message = message;
		this.unwritten = unwritten;
		this.shardCounts = shardCounts;
	}

	/**
	 * A database opened with another shard count than the one it has.
	 * @param message what failed, naming both counts
	 * @param recorded the count the database has
	 * @param requested the count it was opened with
	 * @return the failure, of kind {@link Kind#SCHEMA_MISMATCH}
	 */
	public static StoreFailure shardCountMismatch(String message, int recorded, int requested) {
		return new StoreFailure(Kind.SCHEMA_MISMATCH, message, null, NONE, new ShardCounts(recorded, requested));
	}

	/**
	 * A non-atomic write that left some of its writes unconfirmed after every retry.
	 * @param operation the operation, for the message
	 * @param attempted the number of writes attempted
	 * @param keys the full keys not confirmed written
	 * @param cause the last failure, if any
	 * @return the failure, of kind {@link Kind#WRITES_INCOMPLETE}
	 */
	public static StoreFailure writesIncomplete(String operation, int attempted, List<byte[]> keys,
			@Nullable Throwable cause) {
		return new StoreFailure(Kind.WRITES_INCOMPLETE,
				operation + ": " + keys.size() + " of " + attempted + " writes not confirmed after retries", cause,
				new Unwritten(operation, attempted, List.copyOf(keys)), null);
	}

	/**
	 * A stored item that cannot be read.
	 * @param key the full key whose item (or chunk) it is
	 * @param attribute the attribute at fault
	 * @param problem what is wrong with it
	 * @return the failure, of kind {@link Kind#CORRUPT_ITEM}
	 */
	public static StoreFailure corrupt(byte[] key, String attribute, String problem) {
		return corrupt(key, attribute, problem, null);
	}

	/**
	 * A stored item that cannot be read, with a cause.
	 * @param key the full key whose item (or chunk) it is
	 * @param attribute the attribute at fault
	 * @param problem what is wrong with it
	 * @param cause the underlying failure, if any
	 * @return the failure, of kind {@link Kind#CORRUPT_ITEM}
	 */
	public static StoreFailure corrupt(byte[] key, String attribute, String problem, @Nullable Throwable cause) {
		return new StoreFailure(Kind.CORRUPT_ITEM, "stored item of key " + HexFormat.of().formatHex(key)
				+ " (hex) cannot be read: attribute '" + attribute + "' " + problem, cause);
	}

	/**
	 * The kind of failure.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * What failed, naming the limit and the value.
	 * @return the message, never {@code null}
	 */
	@Override
	public String getMessage() {
		return this.message;
	}

	/**
	 * The writes a {@link Kind#WRITES_INCOMPLETE} failure left unconfirmed; none for
	 * another kind.
	 * @return the unconfirmed writes
	 */
	public Unwritten unwritten() {
		return this.unwritten;
	}

	/**
	 * The shard counts of a {@link #shardCountMismatch} failure; none for another.
	 * @return the counts, or {@code null}
	 */
	public @Nullable ShardCounts shardCounts() {
		return this.shardCounts;
	}

	/**
	 * What the internals can report.
	 */
	public enum Kind {

		/** A key is too long. */
		INVALID_KEY,

		/** A value is {@code null} or makes its item too large. */
		INVALID_VALUE,

		/** Another argument is invalid (a name, a hash key, a timeout, a string). */
		INVALID_ARGUMENT,

		/** An atomic batch passes the limits of one transaction. */
		BATCH_TOO_LARGE,

		/** The table does not exist. */
		TABLE_MISSING,

		/** The table exists and was required not to. */
		TABLE_EXISTS,

		/** The table's key schema is not the store's. */
		SCHEMA_MISMATCH,

		/** DynamoDB kept throttling after every retry. */
		THROTTLED,

		/** A transaction was cancelled; none of its writes happened. */
		TRANSACTION_CANCELLED,

		/**
		 * A condition of an atomic batch did not hold; none of its writes happened.
		 */
		CONDITION_FAILED,

		/** Some writes of a non-atomic write were not confirmed. */
		WRITES_INCOMPLETE,

		/** A request had no answer within a deadline. */
		TIMEOUT,

		/**
		 * A stored item cannot be read: an attribute of the wrong type, a form or
		 * manifest that is malformed or not this version's, chunks that belong to another
		 * key, or a value that decompresses past its bound.
		 */
		CORRUPT_ITEM,

		/** The table has no stream the change feed can read, or no client to read it. */
		STREAM_UNAVAILABLE,

		/** A change feed's handler kept failing past its retry policy. */
		HANDLER_FAILED,

		/** DynamoDB refused or failed a request for another reason. */
		REQUEST_FAILED

	}

	/**
	 * The writes of a non-atomic write not confirmed after every retry.
	 *
	 * @param operation the operation
	 * @param attempted the number of writes attempted
	 * @param keys the full keys not confirmed written
	 */
	public record Unwritten(String operation, int attempted, List<byte[]> keys) {

	}

	/**
	 * The shard counts of a database opened with another count than its own.
	 *
	 * @param recorded the count the database has
	 * @param requested the count it was opened with
	 */
	public record ShardCounts(int recorded, int requested) {

	}

}
