package io.dynamodown.server.internal.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the server answers with, in DynamoDB's words: the error type (the part after
 * {@code #} in {@code __type}), its namespace, the HTTP status, the message and any extra
 * members of the error body (for example {@code CancellationReasons} or {@code Item}).
 * Every layer of the server throws this one type; the protocol layer writes it out as
 * DynamoDB does.
 */
public final class DynamoDbError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Namespace of DynamoDB's own errors. */
	public static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810";

	/** Namespace of the validation framework's errors ({@code ValidationException}). */
	public static final String VALIDATE = "com.amazon.coral.validate";

	/** Namespace of the service framework's errors (serialization, authentication). */
	public static final String SERVICE = "com.amazon.coral.service";

	/** The namespace of the type. */
	private final String namespace;

	/** The error type, such as {@code ResourceNotFoundException}. */
	private final String type;

	/** The HTTP status. */
	private final int status;

	private final transient Map<String, Object> extra;

	/** Whether the error body carries a message member. */
	private final boolean hasMessage;

	/** The name of the message member in the error body. */
	private final String messageMember;

	private DynamoDbError(String namespace, String type, int status, String message, boolean hasMessage,
			String messageMember, Map<String, Object> extra) {
		super(message, null, false, false);
		this.namespace = namespace;
		this.type = type;
		this.status = status;
		this.hasMessage = hasMessage;
		this.messageMember = messageMember;
		this.extra = extra;
	}

	/**
	 * An error with a message.
	 * @param namespace the namespace of the type
	 * @param type the error type, such as {@code ResourceNotFoundException}
	 * @param status the HTTP status
	 * @param message the message
	 * @return the error
	 */
	public static DynamoDbError of(String namespace, String type, int status, String message) {
		return new DynamoDbError(namespace, type, status, message, true, "message", new LinkedHashMap<>());
	}

	/**
	 * An error whose body has no message member (DynamoDB answers some framework errors
	 * so).
	 * @param namespace the namespace of the type
	 * @param type the error type
	 * @param status the HTTP status
	 * @return the error
	 */
	public static DynamoDbError withoutMessage(String namespace, String type, int status) {
		return new DynamoDbError(namespace, type, status, type, false, "message", new LinkedHashMap<>());
	}

	/**
	 * A {@code ValidationException} (HTTP 400).
	 * @param message the message
	 * @return the error
	 */
	public static DynamoDbError validation(String message) {
		return of(VALIDATE, "ValidationException", 400, message);
	}

	/**
	 * A {@code SerializationException} (HTTP 400): the request body does not have the
	 * types the operation expects.
	 * @param message the message
	 * @return the error
	 */
	public static DynamoDbError serialization(String message) {
		// the service framework names the member with a capital M, unlike DynamoDB's own
		// errors
		return new DynamoDbError(SERVICE, "SerializationException", 400, message, true, "Message",
				new LinkedHashMap<>());
	}

	/**
	 * A {@code ResourceNotFoundException} (HTTP 400).
	 * @param message the message
	 * @return the error
	 */
	public static DynamoDbError resourceNotFound(String message) {
		return of(DYNAMODB, "ResourceNotFoundException", 400, message);
	}

	/**
	 * A {@code ResourceInUseException} (HTTP 400).
	 * @param message the message
	 * @return the error
	 */
	public static DynamoDbError resourceInUse(String message) {
		return of(DYNAMODB, "ResourceInUseException", 400, message);
	}

	/**
	 * A {@code ConditionalCheckFailedException} (HTTP 400).
	 * @param message the message
	 * @return the error
	 */
	public static DynamoDbError conditionalCheckFailed(String message) {
		return of(DYNAMODB, "ConditionalCheckFailedException", 400, message);
	}

	/**
	 * A {@code LimitExceededException} (HTTP 400).
	 * @param message the message
	 * @return the error
	 */
	public static DynamoDbError limitExceeded(String message) {
		return of(DYNAMODB, "LimitExceededException", 400, message);
	}

	/**
	 * An {@code InternalServerError} (HTTP 500), for failures of the server itself.
	 * @param message the message
	 * @return the error
	 */
	public static DynamoDbError internal(String message) {
		return of(DYNAMODB, "InternalServerError", 500, message);
	}

	/**
	 * Adds a member to the error body.
	 * @param name the member name
	 * @param value its JSON value
	 * @return this error
	 */
	public DynamoDbError with(String name, Object value) {
		this.extra.put(name, value);
		return this;
	}

	/**
	 * Returns the error type, such as {@code ValidationException}.
	 * @return the type
	 */
	public String type() {
		return this.type;
	}

	/**
	 * Returns the {@code __type} member of the error body: namespace, {@code #}, type.
	 * @return the qualified type
	 */
	public String qualifiedType() {
		return this.namespace + "#" + this.type;
	}

	/**
	 * Returns the HTTP status of the answer.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Returns whether the error body has a message member.
	 * @return whether it has one
	 */
	public boolean hasMessage() {
		return this.hasMessage;
	}

	/**
	 * Returns the name of the error body's message member: {@code message}, or
	 * {@code Message} for a {@code SerializationException}.
	 * @return the member name
	 */
	public String messageMember() {
		return this.messageMember;
	}

	/**
	 * Returns the extra members of the error body, in the order they were added.
	 * @return the members (live view)
	 */
	public Map<String, Object> extra() {
		return this.extra;
	}

}
