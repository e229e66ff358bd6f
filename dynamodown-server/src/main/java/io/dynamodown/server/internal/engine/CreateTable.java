package io.dynamodown.server.internal.engine;

import java.time.Instant;
import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * {@code CreateTable}: a new table, {@code CREATING} until the status delay has passed.
 */
final class CreateTable implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		String tableName = Requests.string(request, "TableName");
		return database.write(() -> {
			if (database.existing(tableName) != null) {
				throw DynamoDbError.resourceInUse("Table already exists: " + tableName);
			}
			Instant now = database.now();
			Table table = new Table(TableDefinition.of(request), now, now.plus(database.statusDelay()));
			database.add(table);
			table.stream().attach(database.streams(), now, now.plus(database.statusDelay()));
			database.journal().tableCreated(request);
			Map<String, Object> description = table.describeNewBillingMode(now);
			description.put("TableStatus", Table.Status.CREATING.name());
			Map<String, Object> answer = Answers.answer();
			answer.put("TableDescription", description);
			return answer;
		});
	}

}
