package io.dynamodown.server.internal.engine;

import java.util.Map;
import java.util.NavigableMap;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.expression.Expressions;
import io.dynamodown.server.internal.expression.ParsedExpressions;
import io.dynamodown.server.internal.model.AttributeValue;

/**
 * {@code Scan}: every item of a table or index (or of one segment of a parallel scan),
 * one page at a time. Partitions are spread over segments by a hash of the partition key,
 * so a segment is a contiguous part of the table's order.
 */
final class Scan implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		ParsedExpressions expressions = Expressions.parse(request);
		String tableName = Requests.string(request, "TableName");
		return database.read(() -> {
			Table table = database.activeTable(tableName);
			ReadTarget target = ReadTarget.of(table, request);
			Integer totalSegments = Requests.integer(request, "TotalSegments");
			Integer segment = Requests.integer(request, "Segment");
			int total = (totalSegments != null) ? totalSegments : 1;
			int part = (segment != null) ? segment : 0;
			NavigableMap<EntryKey, Map<String, AttributeValue>> entries = target.entries()
				.subMap(new EntryKey(PrimaryKey.tokenStart(PrimaryKey.firstToken(part, total)), null), true,
						new EntryKey(PrimaryKey.tokenStart(PrimaryKey.firstToken(part + 1, total)), null), false);
			boolean restarted = request.get("ExclusiveStartKey") != null;
			Map<String, AttributeValue> startKey = Requests.attributes(request, "ExclusiveStartKey");
			if (restarted) {
				checkIndexStartKey(target, startKey);
			}
			target.checkSelect();
			if (restarted) {
				EntryKey start = tableStartKey(target, startKey);
				if (start.key().segment(total) != part) {
					throw DynamoDbError.validation("The provided starting key is invalid: Invalid ExclusiveStartKey. "
							+ "Please use ExclusiveStartKey with correct Segment. TotalSegments: " + total
							+ " Segment: " + part);
				}
				entries = entries.tailMap(start, false);
			}
			Paths.checkNotNested(expressions.projection(), table);
			Paths.checkNotNested(expressions.filter(), table);
			return PageReader.read(database.limiter(), target, entries.entrySet().iterator(), (entry) -> true,
					(entry) -> false, request, expressions);
		});
	}

	private static void checkIndexStartKey(ReadTarget target, Map<String, AttributeValue> startKey) {
		if (startKey.size() != target.startKeyNames().size()) {
			throw DynamoDbError.validation((target.index() != null) ? "The provided starting key is invalid"
					: "The provided starting key is invalid: The provided key element does not match the schema");
		}
		if (target.index() != null) {
			KeySchema schema = target.schema();
			for (String name : schema.names()) {
				KeyRules.startKeyPiece(startKey, name, schema);
			}
		}
	}

	private static EntryKey tableStartKey(ReadTarget target, Map<String, AttributeValue> startKey) {
		KeySchema tableSchema = target.table().keySchema();
		try {
			KeyRules.key(tableSchema.keyAttributes(startKey), tableSchema);
		}
		catch (DynamoDbError ex) {
			throw DynamoDbError.validation("The provided starting key is invalid: " + ex.getMessage());
		}
		return target.entryKey(startKey);
	}

}
