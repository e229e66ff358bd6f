package io.dynamodown.server.internal.validation;

import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * The rules of {@code Select} against the projection of a query or scan.
 */
final class SelectRule {

	private SelectRule() {
	}

	/**
	 * Rejects a projection with a {@code Select} that returns no chosen attributes, and
	 * {@code ALL_PROJECTED_ATTRIBUTES} without an index.
	 * @param data the request
	 * @param verb how DynamoDB names the operation in its message ("Querying",
	 * "Scanning")
	 */
	static void check(Map<String, Object> data, String verb) {
		Object select = data.get("Select");
		if (select == null) {
			return;
		}
		String projection = (data.get("ProjectionExpression") != null) ? "ProjectionExpression"
				: (data.get("AttributesToGet") != null) ? "AttributesToGet" : null;
		if (projection != null && !"SPECIFIC_ATTRIBUTES".equals(select)) {
			String choice = "COUNT".equals(select) ? "only the Count" : String.valueOf(select);
			throw DynamoDbError.validation("Cannot specify the " + projection + " when choosing to get " + choice);
		}
		if ("ALL_PROJECTED_ATTRIBUTES".equals(select) && data.get("IndexName") == null) {
			throw DynamoDbError
				.validation("ALL_PROJECTED_ATTRIBUTES can be used only when " + verb + " using an IndexName");
		}
	}

}
