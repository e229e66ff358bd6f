package io.dynamodown.server.internal.engine;

import java.util.Map;

/**
 * {@code DescribeTable}: a table's definition, status and counts.
 */
final class DescribeTable implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		String tableName = Requests.string(request, "TableName");
		return database.read(() -> {
			Table table = database.existingTable(tableName);
			Map<String, Object> answer = Answers.answer();
			answer.put("Table", table.describe(database.now()));
			return answer;
		});
	}

}
