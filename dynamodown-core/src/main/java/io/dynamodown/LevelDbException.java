package io.dynamodown;

import org.jspecify.annotations.Nullable;

/**
 * The one unchecked exception of dynamodown. Its {@link #code()} tells the kind of
 * failure; the message names the limit or the state involved and the offending value; a
 * DynamoDB failure is attached as the cause. Messages never contain credentials or whole
 * values.
 */
public class LevelDbException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The kind of failure. */
	private final ErrorCode code;

	/**
	 * Creates an exception.
	 * @param code the kind of failure
	 * @param message what failed, naming the limit and the value
	 */
	public LevelDbException(ErrorCode code, String message) {
		this(code, message, null);
	}

	/**
	 * Creates an exception with a cause.
	 * @param code the kind of failure
	 * @param message what failed, naming the limit and the value
	 * @param cause the underlying failure, if any
	 */
	public LevelDbException(ErrorCode code, String message, @Nullable Throwable cause) {
		super(code + ": " + message, cause);
		this.code = code;
	}

	/**
	 * The kind of failure.
	 * @return the stable error code
	 */
	public ErrorCode code() {
		return this.code;
	}

}
