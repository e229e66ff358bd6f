package io.dynamodown.server.internal.engine;

import java.util.Map;

import io.dynamodown.server.internal.expression.Expressions;
import io.dynamodown.server.internal.expression.ParsedExpressions;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;

/**
 * {@code DeleteItem}: removes an item by its key, if its condition holds; deleting an
 * absent item succeeds and costs one write unit.
 */
final class DeleteItem implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		ParsedExpressions expressions = Expressions.parse(request);
		String tableName = Requests.string(request, "TableName");
		return database.write(() -> {
			Table table = database.activeTable(tableName);
			PrimaryKey key = KeyRules.key(Requests.attributes(request, "Key"), table.keySchema());
			Map<String, AttributeValue> old = table.get(key);
			Answers.checkCondition(expressions.condition(), old, request);
			database.limiter().admit(PartitionLimiter.Demand.write(table, key, old, null));
			Table.Write write = database.apply(table, key, null);
			Map<String, Object> answer = Answers.answer();
			if (old != null && "ALL_OLD".equals(request.get("ReturnValues"))) {
				answer.put("Attributes", AttributeValue.mapToJson(old));
			}
			double units = Capacity.writeUnits((old != null) ? ItemSize.of(old) : 0);
			return Answers.putIfPresent(answer, "ConsumedCapacity",
					Capacity.consumed(request.get("ReturnConsumedCapacity"), tableName, units, write.indexUnits()));
		});
	}

}
