package io.dynamodown.server.internal.validation;

import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * The {@code ReturnValues} that operations replacing or removing a whole item allow.
 */
final class ReturnValuesRule {

	private ReturnValuesRule() {
	}

	/**
	 * Rejects {@code ReturnValues} other than {@code ALL_OLD} and {@code NONE}.
	 * @param data the request
	 */
	static void allOldOrNone(Map<String, Object> data) {
		Object returnValues = data.get("ReturnValues");
		if (returnValues != null && !"ALL_OLD".equals(returnValues) && !"NONE".equals(returnValues)) {
			throw DynamoDbError.validation("ReturnValues can only be ALL_OLD or NONE");
		}
	}

}
