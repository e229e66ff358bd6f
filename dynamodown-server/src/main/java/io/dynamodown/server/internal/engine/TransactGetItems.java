package io.dynamodown.server.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamodown.server.internal.expression.Expressions;
import io.dynamodown.server.internal.expression.Projection;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;

/**
 * {@code TransactGetItems}: up to 100 items read as of one moment, answered in request
 * order; each costs twice the read units of a strongly consistent read. When a partition
 * cannot take its share now, the transaction is cancelled with a {@code ThrottlingError}
 * for each of its actions.
 */
final class TransactGetItems implements Operation {

	@Override
	@SuppressWarnings("unchecked")
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		List<Object> actions = Requests.list(request, "TransactItems");
		return database.read(() -> {
			List<Object> responses = new ArrayList<>();
			Map<String, Double> units = new LinkedHashMap<>();
			List<Runnable> reads = new ArrayList<>();
			List<PartitionLimiter.Demand> demands = new ArrayList<>();
			for (Object json : actions) {
				Map<String, Object> get = Requests.map((Map<String, Object>) json, "Get");
				if (get == null) {
					throw new IllegalArgumentException("validation requires Get");
				}
				Table table = database.activeTable(Requests.string(get, "TableName"));
				PrimaryKey key = KeyRules.key(Requests.attributes(get, "Key"), table.keySchema());
				Projection projection = Expressions.parse(get).projection();
				Map<String, AttributeValue> current = table.get(key);
				demands.add(PartitionLimiter.Demand
					.read(table, key.hash(), Capacity.readUnits((current != null) ? ItemSize.of(current) : 0, true))
					.twice());
				reads.add(() -> {
					Map<String, AttributeValue> item = table.get(key);
					Map<String, Object> response = new LinkedHashMap<>();
					if (item != null) {
						response.put("Item",
								AttributeValue.mapToJson((projection != null) ? projection.apply(item) : item));
					}
					responses.add(response);
					units.merge(table.name(), 2 * Capacity.readUnits((item != null) ? ItemSize.of(item) : 0, true),
							Double::sum);
				});
			}
			database.limiter().admitTransaction(demands);
			reads.forEach(Runnable::run);
			Map<String, Object> answer = Answers.answer();
			answer.put("Responses", responses);
			Object returnConsumedCapacity = request.get("ReturnConsumedCapacity");
			if (returnConsumedCapacity != null && !"NONE".equals(returnConsumedCapacity)) {
				List<Object> capacities = new ArrayList<>();
				units.forEach((tableName, used) -> capacities
					.add(Capacity.consumed(returnConsumedCapacity, tableName, used, Map.of())));
				answer.put("ConsumedCapacity", capacities);
			}
			return answer;
		});
	}

}
