package io.dynamodown;

/**
 * The stable code of a {@link LevelDbException}: one per kind of failure, so callers can
 * react to the kind without parsing messages.
 */
public enum ErrorCode {

	/** The store (or the view the call was made on) is closed. */
	NOT_OPEN,

	/** A key is {@code null} or longer than the key limit. */
	INVALID_KEY,

	/**
	 * A value is {@code null} or makes its item larger than DynamoDB's item size limit.
	 */
	INVALID_VALUE,

	/**
	 * An argument other than a key or a value is invalid (a table name, a hash key, a
	 * limit).
	 */
	INVALID_ARGUMENT,

	/**
	 * An atomic batch has more distinct keys or more bytes than one transaction can hold.
	 */
	BATCH_TOO_LARGE,

	/** The table does not exist and the store was not allowed to create it. */
	TABLE_MISSING,

	/** The table exists and the store was opened with {@code errorIfExists}. */
	TABLE_EXISTS,

	/** The table's key schema is not the one the store needs. */
	SCHEMA_MISMATCH,

	/** DynamoDB kept throttling after every retry. */
	THROTTLED,

	/** An atomic batch was cancelled by DynamoDB; none of its writes happened. */
	TRANSACTION_CANCELLED,

	/**
	 * A condition of an atomic batch did not hold (a key present for a put-if-absent, a
	 * value other than the one expected); the message names the keys whose condition
	 * failed, and none of the batch's writes happened.
	 */
	CONDITION_FAILED,

	/**
	 * Some writes of a non-atomic bulk write were not done; the exception lists their
	 * keys.
	 */
	WRITES_INCOMPLETE,

	/**
	 * A DynamoDB request took longer than the store's attempt timeout (on every attempt
	 * the SDK made) or its total timeout; the message names which, its value and the
	 * operation. Whether a timed-out write happened is unknown.
	 */
	TIMEOUT,

	/**
	 * A stored item cannot be read: an attribute of the wrong type, a form or chunk
	 * manifest that is malformed or belongs to another key, missing or foreign chunks, or
	 * a value that decompresses past {@code maxValueSize}. The message names the key
	 * (hex, sublevel prefix included) and the attribute. Whoever can write the table can
	 * cause it; the store neither reads past the bounds nor repairs the item.
	 */
	CORRUPT_ITEM,

	/**
	 * The change feed cannot read the table's stream: the table has none, or one whose
	 * view type is not {@code NEW_AND_OLD_IMAGES}, or no DynamoDB Streams client can be
	 * had; the message names the table setting or the builder option to change.
	 */
	STREAM_UNAVAILABLE,

	/**
	 * A subscription's handler kept failing on one change past its retry policy; the
	 * subscription stopped before that change (its checkpoint is before it, so the change
	 * is delivered again to the next subscriber), and the handler's last exception is the
	 * cause.
	 */
	HANDLER_FAILED,

	/** The iterator is closed. */
	ITERATOR_CLOSED,

	/** DynamoDB refused or failed a request for another reason; the cause is attached. */
	REQUEST_FAILED

}
