package io.dynamodown.server.internal.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * A table's definition and settings as the data file keeps them (in the shape of a
 * {@code CreateTable} request, plus id, creation time and time to live), and the replay
 * of the data file's records.
 */
final class TableSnapshot {

	private TableSnapshot() {
	}

	/**
	 * Returns a table's definition and settings.
	 * @param table the table
	 * @return the JSON object
	 */
	static Map<String, Object> of(Table table) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("TableName", table.name());
		json.put("AttributeDefinitions", table.attributeDefinitions());
		json.put("KeySchema", table.keySchema().toJson());
		json.put("BillingMode", table.billingMode());
		Map<String, Object> throughput = new LinkedHashMap<>();
		throughput.put("ReadCapacityUnits", table.throughput().readCapacityUnits());
		throughput.put("WriteCapacityUnits", table.throughput().writeCapacityUnits());
		json.put("ProvisionedThroughput", throughput);
		List<Object> local = new ArrayList<>();
		List<Object> global = new ArrayList<>();
		for (SecondaryIndex index : table.indexes()) {
			Map<String, Object> definition = new LinkedHashMap<>();
			definition.put("IndexName", index.name());
			definition.put("KeySchema", index.keySchema().toJson());
			Map<String, Object> projection = new LinkedHashMap<>();
			projection.put("ProjectionType", index.projectionType());
			projection.put("NonKeyAttributes", new ArrayList<Object>(index.nonKeyAttributes()));
			definition.put("Projection", projection);
			Map<String, Object> indexThroughput = new LinkedHashMap<>();
			indexThroughput.put("ReadCapacityUnits", index.throughput().readCapacityUnits());
			indexThroughput.put("WriteCapacityUnits", index.throughput().writeCapacityUnits());
			definition.put("ProvisionedThroughput", indexThroughput);
			(index.global() ? global : local).add(definition);
		}
		json.put("LocalSecondaryIndexes", local);
		json.put("GlobalSecondaryIndexes", global);
		Map<String, Object> stream = new LinkedHashMap<>();
		stream.put("StreamEnabled", table.stream().enabled());
		stream.put("StreamViewType", table.stream().viewType());
		json.put("StreamSpecification", stream);
		json.put("LatestStreamLabel", table.stream().label());
		json.put("DeletionProtectionEnabled", table.deletionProtection());
		json.put("TableId", table.id());
		json.put("CreatedMillis", table.created().toEpochMilli());
		json.put("TimeToLiveAttribute", table.timeToLiveAttribute());
		return json;
	}

	/**
	 * Applies one record of the data file.
	 * @param record the record
	 * @param databases the database of each account
	 */
	@SuppressWarnings("unchecked")
	static void replay(Map<String, Object> record, Function<String, Database> databases) {
		Database database = databases.apply(Requests.string(record, "account"));
		switch (Requests.string(record, "type")) {
			case "create": {
				Map<String, Object> request = Requests.object(record, "request");
				Instant now = database.now();
				database.add(new Table(TableDefinition.of(request), now, now));
				break;
			}
			case "table":
				restore(database, Requests.object(record, "definition"));
				break;
			case "drop":
				database.remove(Requests.string(record, "table"));
				break;
			case "put": {
				Table table = database.existing(Requests.string(record, "table"));
				if (table != null) {
					Map<String, AttributeValue> item = AttributeValue.mapFromJson(Requests.value(record, "item"));
					table.write(table.keySchema().keyOf(item), item);
				}
				restoreChange(database, record);
				break;
			}
			case "delete": {
				Table table = database.existing(Requests.string(record, "table"));
				if (table != null) {
					table.write(table.keySchema().keyOf(AttributeValue.mapFromJson(Requests.value(record, "key"))),
							null);
				}
				restoreChange(database, record);
				break;
			}
			case "stream":
				database.streams().restore(Requests.object(record, "state"));
				break;
			case "change":
				restoreChange(database, record);
				break;
			default:
				throw new IllegalStateException("Unknown record in the data file: " + record.get("type"));
		}
	}

	private static void restoreChange(Database database, Map<String, Object> record) {
		Map<String, Object> change = Requests.map(record, "change");
		if (change != null) {
			database.streams().restoreRecord(change);
		}
	}

	private static void restore(Database database, Map<String, Object> definition) {
		String name = Requests.string(definition, "TableName");
		Instant created = Instant.ofEpochMilli(((BigDecimal) Requests.value(definition, "CreatedMillis")).longValue());
		Table table = database.existing(name);
		if (table == null) {
			table = new Table(TableDefinition.of(definition, Requests.string(definition, "TableId")), created, created);
			database.add(table);
		}
		table.billingMode(Requests.string(definition, "BillingMode"), created);
		Throughput throughput = Throughput.of(definition.get("ProvisionedThroughput"));
		table.throughput().change(throughput.readCapacityUnits(), throughput.writeCapacityUnits(), created);
		table.stream().apply(definition.get("StreamSpecification"));
		table.stream().label(string(definition.get("LatestStreamLabel")));
		table.deletionProtection(Boolean.TRUE.equals(definition.get("DeletionProtectionEnabled")));
		table.timeToLiveAttribute(string(definition.get("TimeToLiveAttribute")));
	}

	private static @Nullable String string(@Nullable Object value) {
		return (value instanceof String) ? (String) value : null;
	}

}
