package io.dynamodown.server.internal.protocol;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * The {@code X-Amz-Target} header of a request: exactly two dot-delimited parts, a target
 * its executor serves and one of that target's operations.
 *
 * @param target the part before the dot, such as {@code DynamoDB_20120810}
 * @param operation the part after it, such as {@code PutItem}
 */
record Target(String target, String operation) {

	/**
	 * Reads the header.
	 * @param header the header value, or {@code null} when the request has none
	 * @param executor the executor that names the valid targets and operations
	 * @return the target
	 * @throws DynamoDbError {@code UnknownOperationException}, without a message, for a
	 * missing or unknown target
	 */
	static Target of(@Nullable String header, RequestExecutor executor) {
		if (header != null) {
			int dot = header.indexOf('.');
			if (dot >= 0 && header.indexOf('.', dot + 1) < 0) {
				Target target = new Target(header.substring(0, dot), header.substring(dot + 1));
				if (executor.operations(target.target()).contains(target.operation())) {
					return target;
				}
			}
		}
		throw DynamoDbError.withoutMessage(DynamoDbError.SERVICE, "UnknownOperationException", 400);
	}

}
