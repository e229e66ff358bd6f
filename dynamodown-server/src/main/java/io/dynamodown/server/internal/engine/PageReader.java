package io.dynamodown.server.internal.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.expression.Condition;
import io.dynamodown.server.internal.expression.ParsedExpressions;
import io.dynamodown.server.internal.expression.Projection;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;

/**
 * Reads one page of a {@code Query} or {@code Scan} as DynamoDB does: items are evaluated
 * in order until {@code Limit} items were evaluated or 1 MB was read (the item that
 * crosses it included, each item counted with its {@link PageSize}); the filter then
 * drops items (they still count as scanned and cost capacity), the projection shapes the
 * rest, and a {@code LastEvaluatedKey} names the last evaluated item whenever a limit
 * stopped the page.
 */
final class PageReader {

	/** The most a page reads: 1 MB. */
	static final long PAGE_SIZE = 1024 * 1024;

	private PageReader() {
	}

	/**
	 * Reads a page, if the partitions it read can take its read units.
	 * @param limiter the partition limits
	 * @param target the table or index
	 * @param entries the entries in read order, from the start position on
	 * @param inRange whether an entry's key is in the requested range (entries past it
	 * are not evaluated)
	 * @param endOfRange whether an entry lies past the range, so that reading stops
	 * @param request the request
	 * @param expressions its parsed expressions
	 * @return the answer
	 * @throws io.dynamodown.server.internal.error.DynamoDbError
	 * {@code ProvisionedThroughputExceededException} when a partition it read cannot take
	 * its share
	 */
	static Map<String, Object> read(PartitionLimiter limiter, ReadTarget target,
			Iterator<Map.Entry<EntryKey, Map<String, AttributeValue>>> entries, Predicate<EntryKey> inRange,
			Predicate<EntryKey> endOfRange, Map<String, Object> request, ParsedExpressions expressions) {
		Integer limit = Requests.integer(request, "Limit");
		boolean consistent = Requests.consistent(request);
		String rangeKey = target.table().keySchema().rangeName();
		List<Map<String, AttributeValue>> evaluated = new ArrayList<>();
		long size = 0;
		long tableBytes = 0;
		long indexBytes = 0;
		boolean stopped = false;
		Map<String, AttributeValue> last = null;
		PartitionReads reads = new PartitionReads(limiter, target);
		while (entries.hasNext()) {
			Map.Entry<EntryKey, Map<String, AttributeValue>> entry = entries.next();
			if (endOfRange.test(entry.getKey())) {
				break;
			}
			if (!inRange.test(entry.getKey())) {
				continue;
			}
			if ((limit != null && evaluated.size() >= limit) || size >= PAGE_SIZE) {
				stopped = true;
				break;
			}
			Map<String, AttributeValue> item = entry.getValue();
			long itemSize = ItemSize.of(item);
			long itemIndexBytes = (target.index() != null) ? itemSize : 0;
			long itemTableBytes = itemSize - itemIndexBytes;
			last = item;
			if (target.fetchFromTable()) {
				Map<String, AttributeValue> whole = target.table()
					.get(Objects.requireNonNull(entry.getKey().tableKey(), "an index entry has a table key"));
				item = (whole != null) ? whole : item;
				itemTableBytes += ItemSize.of(item);
			}
			tableBytes += itemTableBytes;
			indexBytes += itemIndexBytes;
			reads.add(entry.getKey(), itemTableBytes, itemIndexBytes);
			size += PageSize.of(entry.getValue(), rangeKey);
			evaluated.add(item);
		}
		if (!stopped && ((limit != null && evaluated.size() >= limit) || size >= PAGE_SIZE)) {
			stopped = true;
		}
		limiter.admit(reads.demands(consistent));
		Map<String, Object> answer = Answers.answer();
		List<Object> items = new ArrayList<>();
		Condition filter = expressions.filter();
		Projection projection = expressions.projection();
		int count = 0;
		for (Map<String, AttributeValue> item : evaluated) {
			if (filter == null || filter.test(item)) {
				count++;
				items.add(AttributeValue.mapToJson((projection != null) ? projection.apply(item) : item));
			}
		}
		if (!"COUNT".equals(request.get("Select"))) {
			answer.put("Items", items);
		}
		answer.put("Count", count);
		answer.put("ScannedCount", evaluated.size());
		if (stopped && last != null) {
			answer.put("LastEvaluatedKey", AttributeValue.mapToJson(target.lastEvaluatedKey(last)));
		}
		Answers.putIfPresent(answer, "ConsumedCapacity", consumed(target, request, tableBytes, indexBytes, consistent));
		return answer;
	}

	private static @Nullable Map<String, Object> consumed(ReadTarget target, Map<String, Object> request,
			long tableBytes, long indexBytes, boolean consistent) {
		SecondaryIndex index = target.index();
		double tableUnits = Capacity.pageReadUnits(tableBytes, consistent);
		if (index == null) {
			return Capacity.consumed(request.get("ReturnConsumedCapacity"), target.table().name(), tableUnits,
					Map.of());
		}
		return Capacity.consumed(request.get("ReturnConsumedCapacity"), target.table().name(), tableUnits,
				Map.of(index, Capacity.pageReadUnits(indexBytes, consistent)));
	}

}
