package io.dynamodown.server.internal.engine;

import java.util.Map;

import io.dynamodown.server.internal.expression.Expressions;
import io.dynamodown.server.internal.expression.ParsedExpressions;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;

/**
 * {@code PutItem}: writes a whole item, if its condition holds; one write unit per KB of
 * the larger of the old and the new item, plus what each index's copy costs.
 */
final class PutItem implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		ParsedExpressions expressions = Expressions.parse(request);
		String tableName = Requests.string(request, "TableName");
		Map<String, AttributeValue> item = Requests.attributes(request, "Item");
		return database.write(() -> {
			Table table = database.activeTable(tableName);
			PrimaryKey key = KeyRules.item(item, table);
			Map<String, AttributeValue> old = table.get(key);
			Answers.checkCondition(expressions.condition(), old, request);
			database.limiter().admit(PartitionLimiter.Demand.write(table, key, old, item));
			Table.Write write = database.apply(table, key, item);
			Map<String, Object> answer = Answers.answer();
			if (old != null && "ALL_OLD".equals(request.get("ReturnValues"))) {
				answer.put("Attributes", AttributeValue.mapToJson(old));
			}
			double units = Capacity.writeUnits(Math.max(ItemSize.of(item), (old != null) ? ItemSize.of(old) : 0));
			return Answers.putIfPresent(answer, "ConsumedCapacity",
					Capacity.consumed(request.get("ReturnConsumedCapacity"), tableName, units, write.indexUnits()));
		});
	}

}
