package io.dynamodown.server.internal.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;

/**
 * {@code BatchWriteItem}: up to 25 puts and deletes over one or more tables, each applied
 * on its own (no conditions), all checked before any is applied. Writes whose partition
 * cannot take their write units now come back as {@code UnprocessedItems}.
 */
final class BatchWriteItem implements Operation {

	@Override
	@SuppressWarnings("unchecked")
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		Map<String, Object> requestItems = Requests.map(request, "RequestItems");
		if (requestItems == null) {
			throw new IllegalArgumentException("validation requires RequestItems");
		}
		return database.write(() -> {
			List<Planned> plan = new ArrayList<>();
			Set<EntryKey> keys = new HashSet<>();
			for (Map.Entry<String, Object> entry : requestItems.entrySet()) {
				Table table = database.activeTable(entry.getKey());
				keys.clear();
				for (Object json : (List<Object>) entry.getValue()) {
					Map<String, Object> writeRequest = (Map<String, Object>) json;
					Map<String, Object> put = Requests.map(writeRequest, "PutRequest");
					if (put != null) {
						Map<String, AttributeValue> item = Requests.attributes(put, "Item");
						plan.add(new Planned(table, unique(keys, KeyRules.batchItem(item, table)), item, json));
					}
					else {
						Map<String, Object> delete = Requests.map(writeRequest, "DeleteRequest");
						Map<String, AttributeValue> key = (delete != null) ? Requests.attributes(delete, "Key")
								: Map.of();
						plan.add(new Planned(table, unique(keys, KeyRules.key(key, table.keySchema())), null, json));
					}
				}
			}
			List<PartitionLimiter.Demand> demands = new ArrayList<>();
			for (Planned write : plan) {
				demands.add(PartitionLimiter.Demand.write(write.table(), write.key(), write.table().get(write.key()),
						write.item()));
			}
			boolean[] admitted = database.limiter().admitEach(demands);
			Map<String, List<Object>> unprocessed = new LinkedHashMap<>();
			Map<String, Double> tableUnits = new LinkedHashMap<>();
			Map<String, Map<SecondaryIndex, Double>> indexUnits = new LinkedHashMap<>();
			for (int i = 0; i < plan.size(); i++) {
				Planned write = plan.get(i);
				if (!admitted[i]) {
					unprocessed.computeIfAbsent(write.table().name(), (name) -> new ArrayList<>()).add(write.request());
					continue;
				}
				Table.Write done = database.apply(write.table(), write.key(), write.item());
				long size = Math.max((write.item() != null) ? ItemSize.of(write.item()) : 0,
						(done.old() != null) ? ItemSize.of(done.old()) : 0);
				tableUnits.merge(write.table().name(), Capacity.writeUnits(size), Double::sum);
				Map<SecondaryIndex, Double> units = indexUnits.computeIfAbsent(write.table().name(),
						(name) -> new LinkedHashMap<>());
				done.indexUnits().forEach((index, used) -> units.merge(index, used, Double::sum));
			}
			Map<String, Object> answer = Answers.answer();
			answer.put("UnprocessedItems", unprocessed);
			Object returnConsumedCapacity = request.get("ReturnConsumedCapacity");
			if (returnConsumedCapacity != null && !"NONE".equals(returnConsumedCapacity)) {
				List<Object> capacities = new ArrayList<>();
				tableUnits.forEach((tableName, units) -> capacities.add(Capacity.consumed(returnConsumedCapacity,
						tableName, units, indexUnits.getOrDefault(tableName, Map.of()))));
				answer.put("ConsumedCapacity", capacities);
			}
			return answer;
		});
	}

	private static PrimaryKey unique(Set<EntryKey> keys, PrimaryKey key) {
		if (!keys.add(new EntryKey(key, null))) {
			throw DynamoDbError.validation("Provided list of item keys contains duplicates");
		}
		return key;
	}

	/**
	 * One checked write of the batch.
	 *
	 * @param table the table
	 * @param key the item's key
	 * @param item the item to put, or {@code null} to delete
	 * @param request the write request as the client sent it, for
	 * {@code UnprocessedItems}
	 */
	private record Planned(Table table, PrimaryKey key, @Nullable Map<String, AttributeValue> item, Object request) {
	}

}
