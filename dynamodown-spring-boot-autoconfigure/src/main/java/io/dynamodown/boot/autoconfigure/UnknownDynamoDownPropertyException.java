package io.dynamodown.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup, with {@code dynamodown.fail-on-unknown-properties=true}, for a key
 * under {@code dynamodown.*} that no property binds. Its report asks to rename or remove
 * the key rather than to correct its value.
 */
class UnknownDynamoDownPropertyException extends InvalidDynamoDownPropertyException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param key the unknown key
	 * @param value its value
	 * @param explanation why it is unknown and the closest known key, if any
	 */
	UnknownDynamoDownPropertyException(String key, @Nullable Object value, String explanation) {
		super(key, value, explanation);
	}

}
