package io.dynamodown.server.internal.engine;

import java.util.Map;

import io.dynamodown.server.internal.expression.Expressions;
import io.dynamodown.server.internal.expression.ParsedExpressions;
import io.dynamodown.server.internal.expression.Projection;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;

/**
 * {@code GetItem}: one item by its key, whole or projected; one read unit per 4 KB of the
 * whole item (half when eventually consistent), one unit when there is none.
 */
final class GetItem implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		ParsedExpressions expressions = Expressions.parse(request);
		String tableName = Requests.string(request, "TableName");
		return database.read(() -> {
			Table table = database.activeTable(tableName);
			PrimaryKey key = KeyRules.key(Requests.attributes(request, "Key"), table.keySchema());
			Paths.checkNotNested(expressions.projection(), table);
			Map<String, AttributeValue> item = table.get(key);
			Map<String, Object> answer = Answers.answer();
			if (item != null) {
				Projection projection = expressions.projection();
				answer.put("Item", AttributeValue.mapToJson((projection != null) ? projection.apply(item) : item));
			}
			double units = Capacity.readUnits((item != null) ? ItemSize.of(item) : 0, Requests.consistent(request));
			database.limiter().admit(PartitionLimiter.Demand.read(table, key.hash(), units));
			return Answers.putIfPresent(answer, "ConsumedCapacity",
					Capacity.consumed(request.get("ReturnConsumedCapacity"), tableName, units, Map.of()));
		});
	}

}
