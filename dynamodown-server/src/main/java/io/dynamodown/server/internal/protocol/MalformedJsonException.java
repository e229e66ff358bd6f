package io.dynamodown.server.internal.protocol;

/**
 * Thrown when bytes are not one strict JSON document. DynamoDB answers such a body with a
 * {@code SerializationException} that has no message, so the message here is for
 * debugging only.
 */
public final class MalformedJsonException extends Exception {

	private static final long serialVersionUID = 1L;

	MalformedJsonException(String message, int offset) {
		super(message + " at offset " + offset, null, false, false);
	}

}
