package io.dynamodown.server.internal.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.expression.Expressions;
import io.dynamodown.server.internal.expression.Projection;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;

/**
 * {@code BatchGetItem}: up to 100 items by key from one or more tables. Items past 16 MB
 * of answer, and items whose partition cannot take their read units now, come back as
 * {@code UnprocessedKeys}; each item read costs its own rounded read units.
 */
final class BatchGetItem implements Operation {

	/** The most one answer carries: 16 MB. */
	static final long ANSWER_LIMIT = 16L * 1024 * 1024;

	@Override
	@SuppressWarnings("unchecked")
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		Map<String, Object> requestItems = Requests.map(request, "RequestItems");
		if (requestItems == null) {
			throw new IllegalArgumentException("validation requires RequestItems");
		}
		return database.read(() -> {
			Map<String, List<PrimaryKey>> keys = new LinkedHashMap<>();
			Map<String, Table> tables = new LinkedHashMap<>();
			for (Map.Entry<String, Object> entry : requestItems.entrySet()) {
				Table table = database.activeTable(entry.getKey());
				tables.put(entry.getKey(), table);
				List<PrimaryKey> tableKeys = new ArrayList<>();
				for (Object key : Requests.list((Map<String, Object>) entry.getValue(), "Keys")) {
					tableKeys.add(KeyRules.key(AttributeValue.mapFromJson(key), table.keySchema()));
				}
				keys.put(entry.getKey(), tableKeys);
			}
			List<Read> reads = new ArrayList<>();
			List<PartitionLimiter.Demand> demands = new ArrayList<>();
			long answerSize = 0;
			for (Map.Entry<String, List<PrimaryKey>> entry : keys.entrySet()) {
				Table table = Objects.requireNonNull(tables.get(entry.getKey()));
				boolean consistent = Requests.consistent(Requests.object(requestItems, entry.getKey()));
				for (PrimaryKey key : entry.getValue()) {
					Map<String, AttributeValue> item = table.get(key);
					long size = (item != null) ? ItemSize.of(item) : 0;
					double units = Capacity.readUnits(size, consistent);
					if (answerSize + size > ANSWER_LIMIT) {
						reads.add(new Read(item, units, Read.PAST_ANSWER_LIMIT));
						continue;
					}
					answerSize += size;
					reads.add(new Read(item, units, demands.size()));
					demands.add(PartitionLimiter.Demand.read(table, key.hash(), units));
				}
			}
			boolean[] admitted = database.limiter().admitEach(demands);
			Map<String, Object> responses = new LinkedHashMap<>();
			Map<String, Object> unprocessed = new LinkedHashMap<>();
			List<Object> capacities = new ArrayList<>();
			Iterator<Read> read = reads.iterator();
			for (Map.Entry<String, List<PrimaryKey>> entry : keys.entrySet()) {
				String tableName = entry.getKey();
				Map<String, Object> tableRequest = Requests.object(requestItems, tableName);
				Projection projection = Expressions.parse(tableRequest).projection();
				List<Object> items = new ArrayList<>();
				List<Object> skipped = new ArrayList<>();
				List<Object> requestedKeys = Requests.list(tableRequest, "Keys");
				double units = 0;
				for (Object requestedKey : requestedKeys) {
					Read next = read.next();
					if (next.demand() == Read.PAST_ANSWER_LIMIT || !admitted[next.demand()]) {
						skipped.add(requestedKey);
						continue;
					}
					units += next.units();
					Map<String, AttributeValue> item = next.item();
					if (item != null) {
						items.add(AttributeValue.mapToJson((projection != null) ? projection.apply(item) : item));
					}
				}
				responses.put(tableName, items);
				if (!skipped.isEmpty()) {
					Map<String, Object> rest = new LinkedHashMap<>(tableRequest);
					rest.put("Keys", skipped);
					unprocessed.put(tableName, rest);
				}
				Map<String, Object> consumed = Capacity.consumed(request.get("ReturnConsumedCapacity"), tableName,
						units, Map.of());
				if (consumed != null) {
					capacities.add(consumed);
				}
			}
			Map<String, Object> answer = Answers.answer();
			answer.put("Responses", responses);
			answer.put("UnprocessedKeys", unprocessed);
			if (request.get("ReturnConsumedCapacity") != null
					&& !"NONE".equals(request.get("ReturnConsumedCapacity"))) {
				answer.put("ConsumedCapacity", capacities);
			}
			return answer;
		});
	}

	/**
	 * One key of the request, read.
	 *
	 * @param item the item, or {@code null} if there is none
	 * @param units the read units it costs
	 * @param demand the index of its demand on the partition limits, or
	 * {@link #PAST_ANSWER_LIMIT} when it does not fit in the answer
	 */
	private record Read(@Nullable Map<String, AttributeValue> item, double units, int demand) {

		/**
		 * The demand of a read that does not fit in the answer's 16 MB: there is none.
		 */
		static final int PAST_ANSWER_LIMIT = -1;

	}

}
