package io.dynamodown.server.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ListTables}: table names in order, at most {@code Limit} (default 100) a page,
 * with {@code LastEvaluatedTableName} when more may follow.
 */
final class ListTables implements Operation {

	private static final int DEFAULT_LIMIT = 100;

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		Integer requested = Requests.integer(request, "Limit");
		int limit = (requested != null) ? requested : DEFAULT_LIMIT;
		String start = Requests.optionalString(request, "ExclusiveStartTableName");
		return database.read(() -> {
			List<String> names = database.names(start);
			Map<String, Object> answer = Answers.answer();
			if (names.size() > limit) {
				names = names.subList(0, limit);
				answer.put("LastEvaluatedTableName", names.get(limit - 1));
			}
			answer.put("TableNames", new ArrayList<Object>(names));
			return answer;
		});
	}

}
