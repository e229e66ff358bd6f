package io.dynamodown.server.internal.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code DescribeTimeToLive}: whether time to live is on, and for which attribute.
 */
final class DescribeTimeToLive implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		String tableName = Requests.string(request, "TableName");
		return database.read(() -> {
			Table table = database.existingTable(tableName);
			String attribute = table.timeToLiveAttribute();
			Map<String, Object> description = new LinkedHashMap<>();
			if (attribute != null) {
				description.put("TimeToLiveStatus", "ENABLED");
				description.put("AttributeName", attribute);
			}
			else {
				description.put("TimeToLiveStatus", "DISABLED");
			}
			Map<String, Object> answer = Answers.answer();
			answer.put("TimeToLiveDescription", description);
			return answer;
		});
	}

}
