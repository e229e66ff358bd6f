package io.dynamodown.server.internal.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * {@code UpdateTimeToLive}: turns time to live on for one Number attribute of epoch
 * seconds, or off. Turning it on again, off again, or on for another attribute is refused
 * as DynamoDB refuses it.
 */
final class UpdateTimeToLive implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		String tableName = Requests.string(request, "TableName");
		Map<String, Object> specification = Requests.map(request, "TimeToLiveSpecification");
		if (specification == null) {
			throw new IllegalArgumentException("validation requires TimeToLiveSpecification");
		}
		String attribute = Requests.string(specification, "AttributeName");
		boolean enable = Requests.flag(specification, "Enabled");
		return database.write(() -> {
			Table table = database.existingTable(tableName);
			String current = table.timeToLiveAttribute();
			if (enable && current != null) {
				throw DynamoDbError.validation(current.equals(attribute) ? "TimeToLive is already enabled"
						: "TimeToLive is active on a different AttributeName: current AttributeName is " + current);
			}
			if (!enable && current == null) {
				throw DynamoDbError.validation("TimeToLive is already disabled");
			}
			if (!enable && !attribute.equals(current)) {
				throw DynamoDbError.validation(
						"TimeToLive is active on a different AttributeName: current AttributeName is " + current);
			}
			table.timeToLiveAttribute(enable ? attribute : null);
			database.journal().tableUpdated(table);
			Map<String, Object> echoed = new LinkedHashMap<>();
			echoed.put("Enabled", enable);
			echoed.put("AttributeName", attribute);
			Map<String, Object> answer = Answers.answer();
			answer.put("TimeToLiveSpecification", echoed);
			return answer;
		});
	}

}
