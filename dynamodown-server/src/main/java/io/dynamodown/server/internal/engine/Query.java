package io.dynamodown.server.internal.engine;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.expression.Condition;
import io.dynamodown.server.internal.expression.Expressions;
import io.dynamodown.server.internal.expression.KeyCondition;
import io.dynamodown.server.internal.expression.KeyRange;
import io.dynamodown.server.internal.expression.ParsedExpressions;
import io.dynamodown.server.internal.expression.RangeCondition;
import io.dynamodown.server.internal.model.AttributeValue;

/**
 * {@code Query}: the items of one partition of a table or index whose sort key meets the
 * key condition, in sort key order (or reversed), one page at a time.
 */
final class Query implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		ParsedExpressions expressions = Expressions.parse(request);
		String tableName = Requests.string(request, "TableName");
		return database.read(() -> {
			Table table = database.activeTable(tableName);
			ReadTarget target = ReadTarget.of(table, request);
			KeyRange range = checkedRange(target, expressions, request);
			Map<String, AttributeValue> startKey = Requests.attributes(request, "ExclusiveStartKey");
			boolean forward = !Boolean.FALSE.equals(request.get("ScanIndexForward"));
			NavigableMap<EntryKey, Map<String, AttributeValue>> partition = target.entries()
				.subMap(new EntryKey(PrimaryKey.partitionStart(range.hashValue()), null), false,
						new EntryKey(PrimaryKey.partitionEnd(range.hashValue()), null), false);
			RangeCondition condition = range.range();
			if (request.get("ExclusiveStartKey") != null) {
				EntryKey start = target.entryKey(startKey);
				partition = forward ? partition.tailMap(start, false) : partition.headMap(start, false);
			}
			else if (forward && condition != null && condition.lower() != null) {
				partition = partition
					.tailMap(new EntryKey(new PrimaryKey(range.hashValue(), condition.lower().value()), null), true);
			}
			Iterator<Map.Entry<EntryKey, Map<String, AttributeValue>>> entries = (forward ? partition
					: partition.descendingMap())
				.entrySet()
				.iterator();
			return PageReader.read(database.limiter(), target, entries,
					(entry) -> matches(condition, entry.key().range()),
					(entry) -> isPast(condition, entry.key().range(), forward), request, expressions);
		});
	}

	/**
	 * Checks a query against its table or index in DynamoDB's order: the start key's
	 * size, its attributes in step with the key condition, the start key against the
	 * condition, nested paths of the projection, the filter against the key, the
	 * {@code Select}, then nested paths of the filter.
	 */
	private static KeyRange checkedRange(ReadTarget target, ParsedExpressions expressions,
			Map<String, Object> request) {
		KeySchema schema = target.schema();
		KeyCondition keyCondition = Objects.requireNonNull(expressions.keyCondition(),
				"validation requires a key condition");
		Map<String, AttributeValue> startKey = Requests.attributes(request, "ExclusiveStartKey");
		boolean restarted = request.get("ExclusiveStartKey") != null;
		if (restarted && startKey.size() != target.startKeyNames().size()) {
			throw DynamoDbError.validation("The provided starting key is invalid");
		}
		KeyRange range = keyCondition.plan(schema.hashName(), schema.hashType(), schema.rangeName(), schema.rangeType(),
				(name) -> {
					if (restarted) {
						KeyRules.startKeyPiece(startKey, name, schema);
					}
				});
		if (restarted) {
			checkStartKey(target, startKey, range);
		}
		Paths.checkNotNested(expressions.projection(), target.table());
		checkFilter(expressions.filter(), schema, request);
		target.checkSelect();
		Paths.checkNotNested(expressions.filter(), target.table());
		return range;
	}

	private static boolean matches(@Nullable RangeCondition condition, @Nullable AttributeValue sortKey) {
		return condition == null || (sortKey != null && condition.matches(sortKey));
	}

	private static boolean isPast(@Nullable RangeCondition condition, @Nullable AttributeValue sortKey,
			boolean forward) {
		if (condition == null || sortKey == null) {
			return false;
		}
		RangeCondition.Bound bound = forward ? condition.upper() : condition.lower();
		if (bound == null) {
			return false;
		}
		int order = sortKey.compareTo(bound.value());
		return forward ? (order > 0 || (order == 0 && !bound.inclusive()))
				: (order < 0 || (order == 0 && !bound.inclusive()));
	}

	private static void checkStartKey(ReadTarget target, Map<String, AttributeValue> startKey, KeyRange range) {
		KeySchema schema = target.schema();
		try {
			KeyRules.key(target.table().keySchema().keyAttributes(startKey), target.table().keySchema());
		}
		catch (DynamoDbError ex) {
			throw DynamoDbError.validation("The provided starting key is invalid: " + ex.getMessage());
		}
		AttributeValue hash = Objects.requireNonNull(startKey.get(schema.hashName()));
		AttributeValue sort = (schema.rangeName() != null) ? startKey.get(schema.rangeName()) : null;
		RangeCondition condition = range.range();
		if (condition == null) {
			if (!range.hashValue().equals(hash)) {
				throw DynamoDbError
					.validation("The provided starting key is outside query boundaries based on provided conditions");
			}
			return;
		}
		if (!matches(condition, sort)) {
			throw DynamoDbError.validation("The provided starting key does not match the range key predicate");
		}
		if (!range.hashValue().equals(hash)) {
			throw DynamoDbError.validation("The query can return at most one row and cannot be restarted");
		}
	}

	private static void checkFilter(@Nullable Condition filter, KeySchema schema, Map<String, Object> request) {
		if (filter == null) {
			return;
		}
		String property = (request.get("QueryFilter") != null) ? "QueryFilter" : "Filter Expression";
		for (String name : schema.names()) {
			if (filter.topLevelAttributes().contains(name)) {
				throw DynamoDbError.validation(
						property + " can only contain non-primary key attributes: " + "Primary key attribute: " + name);
			}
		}
	}

}
