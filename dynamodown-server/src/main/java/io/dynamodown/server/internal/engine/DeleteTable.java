package io.dynamodown.server.internal.engine;

import java.time.Instant;
import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * {@code DeleteTable}: drops a table's items at once; the table stays {@code DELETING}
 * until the status delay has passed.
 */
final class DeleteTable implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		String tableName = Requests.string(request, "TableName");
		return database.write(() -> {
			Table table = database.existingTable(tableName);
			Instant now = database.now();
			Table.Status status = table.status(now);
			if (status == Table.Status.CREATING) {
				throw DynamoDbError.resourceInUse(
						"Attempt to change a resource which is still in use: Table is being created: " + tableName);
			}
			if (status == Table.Status.DELETING) {
				throw DynamoDbError.resourceInUse(
						"Attempt to change a resource which is still in use: Table is being deleted: " + tableName);
			}
			if (table.deletionProtection()) {
				throw DynamoDbError.validation("Resource cannot be deleted as it is currently protected against "
						+ "deletion. Disable deletion protection first.");
			}
			Map<String, Object> description = table.describe(now);
			description.put("TableStatus", Table.Status.DELETING.name());
			// a DELETING table's description leaves out its global indexes
			description.remove("GlobalSecondaryIndexes");
			database.drop(table);
			Map<String, Object> answer = Answers.answer();
			answer.put("TableDescription", description);
			return answer;
		});
	}

}
