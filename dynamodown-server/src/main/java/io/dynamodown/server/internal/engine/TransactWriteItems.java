package io.dynamodown.server.internal.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
 * {@code TransactWriteItems}: up to 100 puts, updates, deletes and condition checks on
 * distinct items, applied all together or not at all. Every condition is evaluated first;
 * when any fails the whole transaction is cancelled with one reason per action, in
 * request order. When every condition holds but a partition cannot take its share of
 * write units now, the transaction is cancelled with a {@code ThrottlingError} for each
 * action on it. A {@code ClientRequestToken} makes a repeat within 10 minutes answer as
 * the first request did without applying it again.
 */
final class TransactWriteItems implements Operation {

	/** The largest transaction: 4 MB of items. */
	private static final long MAX_SIZE = 4L * 1024 * 1024;

	private final IdempotencyTokens tokens;

	TransactWriteItems(IdempotencyTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		String token = Requests.optionalString(request, "ClientRequestToken");
		return database.write(() -> {
			if (token != null) {
				Map<String, Object> earlier = this.tokens.answerFor(database, token, request);
				if (earlier != null) {
					return earlier;
				}
			}
			Map<String, Object> answer = transact(database, request);
			if (token != null) {
				this.tokens.remember(database, token, request, answer);
			}
			return answer;
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> transact(Database database, Map<String, Object> request) {
		List<Action> actions = new ArrayList<>();
		Set<String> items = new HashSet<>();
		long size = 0;
		for (Object json : Requests.list(request, "TransactItems")) {
			Action action = Action.of(database, (Map<String, Object>) json);
			if (!items.add(action.table().name() + "\u0000" + action.key())) {
				throw DynamoDbError.validation("Transaction request cannot include multiple operations on one item");
			}
			size += action.requestSize();
			actions.add(action);
		}
		if (size > MAX_SIZE) {
			throw DynamoDbError.validation("Transaction request size has exceeded the maximum allowed size of 4MB");
		}
		List<Map<String, Object>> reasons = new ArrayList<>();
		List<@Nullable Map<String, AttributeValue>> results = new ArrayList<>();
		boolean cancelled = false;
		for (Action action : actions) {
			Map<String, Object> reason = new LinkedHashMap<>();
			try {
				results.add(action.prepare());
				reason.put("Code", "None");
			}
			catch (DynamoDbError ex) {
				cancelled = true;
				results.add(null);
				reason.put("Code", "ConditionalCheckFailedException".equals(ex.type()) ? "ConditionalCheckFailed"
						: "ValidationError");
				reason.put("Message", ex.getMessage());
				Object item = ex.extra().get("Item");
				if (item != null) {
					reason.put("Item", item);
				}
			}
			reasons.add(reason);
		}
		if (cancelled) {
			List<String> codes = new ArrayList<>();
			reasons.forEach((reason) -> codes.add((String) reason.get("Code")));
			throw DynamoDbError
				.of(DynamoDbError.DYNAMODB, "TransactionCanceledException", 400,
						"Transaction cancelled, please refer cancellation reasons for specific reasons " + codes)
				.with("CancellationReasons", new ArrayList<Object>(reasons));
		}
		List<PartitionLimiter.Demand> demands = new ArrayList<>();
		for (int i = 0; i < actions.size(); i++) {
			demands.add(actions.get(i).demand(results.get(i)));
		}
		database.limiter().admitTransaction(demands);
		Map<String, Double> units = new LinkedHashMap<>();
		Map<String, Map<SecondaryIndex, Double>> indexUnits = new LinkedHashMap<>();
		for (int i = 0; i < actions.size(); i++) {
			Action action = actions.get(i);
			Applied applied = action.apply(results.get(i));
			units.merge(action.table().name(), applied.units(), Double::sum);
			Map<SecondaryIndex, Double> tableIndexUnits = indexUnits.computeIfAbsent(action.table().name(),
					(name) -> new LinkedHashMap<>());
			applied.indexUnits().forEach((index, used) -> tableIndexUnits.merge(index, 2 * used, Double::sum));
		}
		Map<String, Object> answer = Answers.answer();
		Object returnConsumedCapacity = request.get("ReturnConsumedCapacity");
		if (returnConsumedCapacity != null && !"NONE".equals(returnConsumedCapacity)) {
			List<Object> capacities = new ArrayList<>();
			units.forEach((tableName, used) -> capacities.add(Capacity.consumed(returnConsumedCapacity, tableName, used,
					indexUnits.getOrDefault(tableName, Map.of()))));
			answer.put("ConsumedCapacity", capacities);
		}
		return answer;
	}

	/**
	 * One action of a transaction, checked against its table.
	 */
	private static final class Action {

		private final Database database;

		private final String kind;

		private final Map<String, Object> body;

		private final Table table;

		private final PrimaryKey key;

		private final ParsedExpressions expressions;

		private final Map<String, AttributeValue> attributes;

		private Action(Database database, String kind, Map<String, Object> body, Table table, PrimaryKey key,
				Map<String, AttributeValue> attributes) {
			this.database = database;
			this.kind = kind;
			this.body = body;
			this.table = table;
			this.key = key;
			this.attributes = attributes;
			this.expressions = Expressions.parse(body);
		}

		static Action of(Database database, Map<String, Object> json) {
			for (String kind : List.of("Put", "Update", "Delete", "ConditionCheck")) {
				Map<String, Object> body = Requests.map(json, kind);
				if (body == null) {
					continue;
				}
				Table table = database.activeTable(Requests.string(body, "TableName"));
				if ("Put".equals(kind)) {
					Map<String, AttributeValue> item = Requests.attributes(body, "Item");
					return new Action(database, kind, body, table, KeyRules.item(item, table), item);
				}
				Map<String, AttributeValue> key = Requests.attributes(body, "Key");
				return new Action(database, kind, body, table, KeyRules.key(key, table.keySchema()), key);
			}
			throw new IllegalArgumentException("validation requires one action member");
		}

		Table table() {
			return this.table;
		}

		PrimaryKey key() {
			return this.key;
		}

		long requestSize() {
			return ItemSize.of(this.attributes);
		}

		/**
		 * Checks the condition and computes the item this action leaves.
		 * @return the new item, or {@code null} for a delete or a condition check
		 */
		@Nullable Map<String, AttributeValue> prepare() {
			Map<String, AttributeValue> current = this.table.get(this.key);
			Answers.checkCondition(this.expressions.condition(), current, this.body);
			switch (this.kind) {
				case "Put":
					return this.attributes;
				case "Update": {
					Update update = this.expressions.update();
					Map<String, AttributeValue> base = new LinkedHashMap<>(
							(current != null) ? current : this.attributes);
					if (update == null) {
						return base;
					}
					update.checkKeyAttributes(Set.copyOf(this.table.keySchema().names()));
					Map<String, AttributeValue> updated = update.apply(base);
					if (ItemSize.of(updated) > ItemSize.MAX_ITEM_SIZE) {
						throw DynamoDbError.validation("Item size to update has exceeded the maximum allowed size");
					}
					KeyRules.checkIndexKeys(updated, this.table);
					return updated;
				}
				default:
					return null;
			}
		}

		/**
		 * Returns what this action asks of its partition: twice the units of the single
		 * write or the strongly consistent read it stands for.
		 * @param item the result of {@link #prepare()}: the item the action leaves, or
		 * {@code null} for a delete
		 * @return the demand
		 */
		PartitionLimiter.Demand demand(@Nullable Map<String, AttributeValue> item) {
			Map<String, AttributeValue> current = this.table.get(this.key);
			if ("ConditionCheck".equals(this.kind)) {
				return PartitionLimiter.Demand
					.read(this.table, this.key.hash(),
							Capacity.readUnits((current != null) ? ItemSize.of(current) : 0, true))
					.twice();
			}
			return PartitionLimiter.Demand.write(this.table, this.key, current, item).twice();
		}

		/**
		 * Applies the prepared item.
		 * @param item the result of {@link #prepare()}
		 * @return the units it cost
		 */
		Applied apply(@Nullable Map<String, AttributeValue> item) {
			if ("ConditionCheck".equals(this.kind)) {
				Map<String, AttributeValue> current = this.table.get(this.key);
				return new Applied(2 * Capacity.readUnits((current != null) ? ItemSize.of(current) : 0, true),
						Map.of());
			}
			Table.Write write = this.database.apply(this.table, this.key, "Delete".equals(this.kind) ? null : item);
			long size = Math.max((item != null) ? ItemSize.of(item) : 0,
					(write.old() != null) ? ItemSize.of(write.old()) : 0);
			return new Applied(2 * Capacity.writeUnits(size), write.indexUnits());
		}

	}

	/**
	 * What an applied action cost.
	 *
	 * @param units the table's units (twice those of a single write)
	 * @param indexUnits the units of each index, not yet doubled
	 */
	private record Applied(double units, Map<SecondaryIndex, Double> indexUnits) {
	}

}
