package io.dynamodown.server.internal.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.expression.Expressions;
import io.dynamodown.server.internal.expression.ParsedExpressions;
import io.dynamodown.server.internal.expression.Update;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;

/**
 * {@code UpdateItem}: changes an item's attributes in place (creating it from its key
 * when absent), if its condition holds, and answers with the attributes
 * {@code ReturnValues} asks for.
 */
final class UpdateItem implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		ParsedExpressions expressions = Expressions.parse(request);
		String tableName = Requests.string(request, "TableName");
		Map<String, AttributeValue> keyAttributes = Requests.attributes(request, "Key");
		return database.write(() -> {
			Table table = database.activeTable(tableName);
			PrimaryKey key = KeyRules.key(keyAttributes, table.keySchema());
			Update update = expressions.update();
			if (update != null) {
				update.checkKeyAttributes(Set.copyOf(table.keySchema().names()));
				KeyRules.checkAssignedIndexKeyTypes(update.assignedTypes(), table);
				Paths.checkNotNested(update.nestedTopLevelAttributes(), table);
			}
			Map<String, AttributeValue> old = table.get(key);
			Answers.checkCondition(expressions.condition(), old, request);
			Map<String, AttributeValue> base = new LinkedHashMap<>((old != null) ? old : keyAttributes);
			Map<String, AttributeValue> updated = base;
			if (update != null) {
				updated = update.apply(base);
				KeyRules.checkUpdatedIndexKeyTypes(update.topLevelAttributes(), updated, table);
			}
			if (ItemSize.of(updated) > ItemSize.MAX_ITEM_SIZE) {
				throw DynamoDbError.validation("Item size to update has exceeded the maximum allowed size");
			}
			KeyRules.checkIndexKeys(updated, table);
			database.limiter().admit(PartitionLimiter.Demand.write(table, key, old, updated));
			Table.Write write = database.apply(table, key, updated);
			Map<String, Object> answer = Answers.answer();
			Answers.putIfPresent(answer, "Attributes", returnValues(request, update, old, updated));
			double units = Capacity.writeUnits(Math.max(ItemSize.of(updated), (old != null) ? ItemSize.of(old) : 0));
			return Answers.putIfPresent(answer, "ConsumedCapacity",
					Capacity.consumed(request.get("ReturnConsumedCapacity"), tableName, units, write.indexUnits()));
		});
	}

	private static @Nullable Map<String, Object> returnValues(Map<String, Object> request, @Nullable Update update,
			@Nullable Map<String, AttributeValue> old, Map<String, AttributeValue> updated) {
		Object returnValues = request.get("ReturnValues");
		Map<String, AttributeValue> attributes;
		if ("ALL_OLD".equals(returnValues)) {
			attributes = old;
		}
		else if ("ALL_NEW".equals(returnValues)) {
			attributes = updated;
		}
		else if ("UPDATED_OLD".equals(returnValues)) {
			attributes = (old != null) ? only(old, update) : null;
		}
		else if ("UPDATED_NEW".equals(returnValues)) {
			attributes = only(updated, update);
		}
		else {
			return null;
		}
		return (attributes != null && !attributes.isEmpty()) ? AttributeValue.mapToJson(attributes) : null;
	}

	private static Map<String, AttributeValue> only(Map<String, AttributeValue> item, @Nullable Update update) {
		return (update != null) ? update.updatedPaths().apply(item) : Map.of();
	}

}
