package io.dynamodown.server.internal.engine;

import java.util.Map;

/**
 * One operation of DynamoDB's API, run on a validated request.
 */
interface Operation {

	/**
	 * Executes the operation.
	 * @param database the account's tables
	 * @param request the validated request body
	 * @return the answer's body
	 */
	Map<String, Object> execute(Database database, Map<String, Object> request);

}
