package io.dynamodown.server.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;

/**
 * One table: its definition, its status, its items in key order and its secondary
 * indexes. Not thread-safe: the {@link Database} lock guards it.
 */
final class Table {

	/** A table's status, as {@code DescribeTable} names it. */
	enum Status {

		/** Being created: items cannot be read or written yet. */
		CREATING,
		/** Ready. */
		ACTIVE,
		/** Being changed by {@code UpdateTable}: readable and writable. */
		UPDATING,
		/** Being deleted. */
		DELETING

	}

	private static final String PAY_PER_REQUEST_SINCE = "LastUpdateToPayPerRequestDateTime";

	private final String name;

	private final String id;

	private final String arn;

	private final Instant created;

	private final KeySchema keySchema;

	private final List<Object> attributeDefinitions;

	private final Map<String, SecondaryIndex> indexes;

	private final NavigableMap<EntryKey, Map<String, AttributeValue>> items = new TreeMap<>();

	private String billingMode;

	private @Nullable Instant payPerRequestSince;

	private final Throughput throughput;

	private volatile Status status = Status.CREATING;

	private volatile Instant statusUntil;

	private @Nullable String timeToLiveAttribute;

	private final StreamSettings stream;

	private boolean deletionProtection;

	private long sizeBytes;

	/**
	 * Creates a table.
	 * @param definition what defines it
	 * @param created when it was created
	 * @param activeAt when it becomes {@code ACTIVE}
	 */
	Table(TableDefinition definition, Instant created, Instant activeAt) {
		this.name = definition.name();
		this.id = definition.id();
		this.arn = definition.arn();
		this.created = created;
		this.keySchema = definition.keySchema();
		this.attributeDefinitions = definition.attributeDefinitions();
		this.indexes = definition.indexes();
		this.billingMode = definition.billingMode();
		this.payPerRequestSince = "PAY_PER_REQUEST".equals(this.billingMode) ? created : null;
		this.throughput = definition.throughput();
		this.stream = definition.stream();
		this.deletionProtection = definition.deletionProtection();
		this.statusUntil = activeAt;
	}

	String name() {
		return this.name;
	}

	String arn() {
		return this.arn;
	}

	String id() {
		return this.id;
	}

	Instant created() {
		return this.created;
	}

	List<Object> attributeDefinitions() {
		return this.attributeDefinitions;
	}

	KeySchema keySchema() {
		return this.keySchema;
	}

	Collection<SecondaryIndex> indexes() {
		return this.indexes.values();
	}

	@Nullable SecondaryIndex index(String indexName) {
		return this.indexes.get(indexName);
	}

	NavigableMap<EntryKey, Map<String, AttributeValue>> items() {
		return this.items;
	}

	String billingMode() {
		return this.billingMode;
	}

	Throughput throughput() {
		return this.throughput;
	}

	StreamSettings stream() {
		return this.stream;
	}

	boolean deletionProtection() {
		return this.deletionProtection;
	}

	void deletionProtection(boolean enabled) {
		this.deletionProtection = enabled;
	}

	@Nullable String timeToLiveAttribute() {
		return this.timeToLiveAttribute;
	}

	void timeToLiveAttribute(@Nullable String attribute) {
		this.timeToLiveAttribute = attribute;
	}

	/**
	 * Returns the status at a time, moving on from {@code CREATING} or {@code UPDATING}
	 * to {@code ACTIVE} once the status delay has passed.
	 * @param now the time
	 * @return the status
	 */
	Status status(Instant now) {
		if ((this.status == Status.CREATING || this.status == Status.UPDATING) && !now.isBefore(this.statusUntil)) {
			this.status = Status.ACTIVE;
		}
		return this.status;
	}

	/**
	 * Changes the status until a time (for {@code UPDATING} and {@code DELETING}).
	 * @param status the new status
	 * @param until when it ends
	 */
	void status(Status status, Instant until) {
		this.status = status;
		this.statusUntil = until;
	}

	Instant statusUntil() {
		return this.statusUntil;
	}

	/**
	 * Switches the billing mode.
	 * @param mode {@code PROVISIONED} or {@code PAY_PER_REQUEST}
	 * @param now the time of the change
	 */
	void billingMode(String mode, Instant now) {
		if ("PAY_PER_REQUEST".equals(mode) && !"PAY_PER_REQUEST".equals(this.billingMode)) {
			this.payPerRequestSince = now;
		}
		this.billingMode = mode;
	}

	/**
	 * Returns an item.
	 * @param key its key
	 * @return the item, or {@code null}
	 */
	@Nullable Map<String, AttributeValue> get(PrimaryKey key) {
		return this.items.get(new EntryKey(key, null));
	}

	/**
	 * Writes (or, with {@code null}, deletes) an item and keeps every index in step.
	 * @param key the item's key
	 * @param item the new item, or {@code null} to delete it
	 * @return the write: the old item and the units each index consumed
	 */
	Write write(PrimaryKey key, @Nullable Map<String, AttributeValue> item) {
		EntryKey entryKey = new EntryKey(key, null);
		Map<String, AttributeValue> old = (item != null) ? this.items.put(entryKey, item) : this.items.remove(entryKey);
		if (old != null) {
			this.sizeBytes -= ItemSize.of(old);
		}
		if (item != null) {
			this.sizeBytes += ItemSize.of(item);
		}
		Map<SecondaryIndex, Double> indexUnits = new LinkedHashMap<>();
		for (SecondaryIndex index : this.indexes.values()) {
			double units = index.replace(key, old, item);
			if (units > 0) {
				indexUnits.put(index, units);
			}
		}
		return new Write(old, indexUnits);
	}

	/**
	 * The outcome of {@link Table#write}.
	 *
	 * @param old the item before, or {@code null}
	 * @param indexUnits the write units each index consumed
	 */
	record Write(@Nullable Map<String, AttributeValue> old, Map<SecondaryIndex, Double> indexUnits) {
	}

	/**
	 * Describes the table as the answer to the request that set its billing mode
	 * ({@code CreateTable} or {@code UpdateTable}) does: as {@link #describe(Instant)},
	 * except that the billing summaries do not say yet since when the table is on demand.
	 * @param now the time, for the status
	 * @return the {@code TableDescription} JSON object
	 */
	Map<String, Object> describeNewBillingMode(Instant now) {
		Map<String, Object> json = describe(now);
		for (String summary : List.of("BillingModeSummary", "TableThroughputModeSummary")) {
			if (json.get(summary) instanceof Map<?, ?> members) {
				members.remove(PAY_PER_REQUEST_SINCE);
			}
		}
		return json;
	}

	private Map<String, Object> billingSummary(String modeMember) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put(modeMember, this.billingMode);
		if (this.payPerRequestSince != null) {
			summary.put(PAY_PER_REQUEST_SINCE, Tables.epochSeconds(this.payPerRequestSince));
		}
		return summary;
	}

	/**
	 * Describes the table as {@code DescribeTable} does.
	 * @param now the time, for the status
	 * @return the {@code Table} / {@code TableDescription} JSON object
	 */
	Map<String, Object> describe(Instant now) {
		Status current = status(now);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("AttributeDefinitions", this.attributeDefinitions);
		json.put("TableName", this.name);
		json.put("KeySchema", this.keySchema.toJson());
		json.put("TableStatus", current.name());
		json.put("CreationDateTime", Tables.epochSeconds(this.created));
		json.put("ProvisionedThroughput", this.throughput.toJson(now));
		json.put("TableSizeBytes", this.sizeBytes);
		json.put("ItemCount", (long) this.items.size());
		json.put("TableArn", this.arn);
		json.put("TableId", this.id);
		// a table that never was on demand has no billing summaries
		if ("PAY_PER_REQUEST".equals(this.billingMode) || this.payPerRequestSince != null) {
			json.put("BillingModeSummary", billingSummary("BillingMode"));
			json.put("TableThroughputModeSummary", billingSummary("TableThroughputMode"));
		}
		List<Object> local = new ArrayList<>();
		List<Object> global = new ArrayList<>();
		String indexStatus = (current == Status.CREATING) ? "CREATING" : "ACTIVE";
		for (SecondaryIndex index : this.indexes.values()) {
			(index.global() ? global : local).add(index.describe(this.arn, indexStatus, now));
		}
		if (!local.isEmpty()) {
			json.put("LocalSecondaryIndexes", local);
		}
		if (!global.isEmpty() && current != Status.DELETING) {
			json.put("GlobalSecondaryIndexes", global);
		}
		this.stream.describe(json);
		json.put("DeletionProtectionEnabled", this.deletionProtection);
		return json;
	}

}
