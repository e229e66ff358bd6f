package io.dynamodown.server.internal.protocol;

import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * What the HTTP layer hands a request to once it has passed DynamoDB's framing and
 * authentication checks. A target is the part of {@code X-Amz-Target} before the dot,
 * such as {@code DynamoDB_20120810} or {@code DynamoDBStreams_20120810}; an executor may
 * serve several. Implementations are called from many threads at once.
 */
public interface RequestExecutor extends AutoCloseable {

	/**
	 * Returns the operations of a target; a request whose target or operation is not
	 * among them is answered with {@code UnknownOperationException}.
	 * @param target the part of {@code X-Amz-Target} before the dot
	 * @return its operations, empty for a target this executor does not serve
	 */
	Set<String> operations(String target);

	/**
	 * Executes one operation.
	 * @param target the target, one whose {@link #operations} contain the operation
	 * @param operation the operation, such as {@code PutItem}
	 * @param body the parsed JSON body, as {@link Json} builds it
	 * @param account the database the request addresses: the access key id when each has
	 * its own, otherwise the empty string
	 * @return the JSON body of the answer
	 * @throws DynamoDbError with DynamoDB's error for a request DynamoDB would refuse
	 */
	Map<String, Object> execute(String target, String operation, Map<String, Object> body, String account);

	/**
	 * Releases what the executor holds, once no request runs any more.
	 */
	@Override
	void close();

}
