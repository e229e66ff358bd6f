package io.dynamodown.server.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;

/**
 * A local or global secondary index: its definition and the projected items of the table
 * that carry its key attributes, kept in index order.
 */
final class SecondaryIndex {

	private final String name;

	private final boolean global;

	private final KeySchema keySchema;

	private final KeySchema tableSchema;

	private final String projectionType;

	private final List<String> nonKeyAttributes;

	private final Throughput throughput;

	private final NavigableMap<EntryKey, Map<String, AttributeValue>> entries = new TreeMap<>();

	private long sizeBytes;

	SecondaryIndex(String name, boolean global, KeySchema keySchema, KeySchema tableSchema, String projectionType,
			List<String> nonKeyAttributes, Throughput throughput) {
		this.name = name;
		this.global = global;
		this.keySchema = keySchema;
		this.tableSchema = tableSchema;
		this.projectionType = projectionType;
		this.nonKeyAttributes = List.copyOf(nonKeyAttributes);
		this.throughput = throughput;
	}

	String name() {
		return this.name;
	}

	boolean global() {
		return this.global;
	}

	KeySchema keySchema() {
		return this.keySchema;
	}

	String projectionType() {
		return this.projectionType;
	}

	List<String> nonKeyAttributes() {
		return this.nonKeyAttributes;
	}

	Throughput throughput() {
		return this.throughput;
	}

	NavigableMap<EntryKey, Map<String, AttributeValue>> entries() {
		return this.entries;
	}

	/**
	 * Returns the attributes of an item that this index holds: the table's and the
	 * index's key attributes, plus the projected ones.
	 * @param item a table item
	 * @return the projected item
	 */
	Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
		if ("ALL".equals(this.projectionType)) {
			return item;
		}
		Map<String, AttributeValue> projected = new LinkedHashMap<>();
		for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
			String attributeName = attribute.getKey();
			if (isKeyAttribute(attributeName)
					|| ("INCLUDE".equals(this.projectionType) && this.nonKeyAttributes.contains(attributeName))) {
				projected.put(attributeName, attribute.getValue());
			}
		}
		return projected;
	}

	/**
	 * Returns whether an attribute is one of the table's or the index's key attributes.
	 * @param attributeName the attribute
	 * @return whether it is
	 */
	boolean isKeyAttribute(String attributeName) {
		return this.keySchema.names().contains(attributeName) || this.tableSchema.names().contains(attributeName);
	}

	/**
	 * Replaces an item's entry.
	 * @param tableKey the item's table key
	 * @param oldItem the item before, or {@code null}
	 * @param newItem the item after, or {@code null}
	 * @return the write units this costs the index (0 when it holds neither)
	 */
	double replace(PrimaryKey tableKey, @Nullable Map<String, AttributeValue> oldItem,
			@Nullable Map<String, AttributeValue> newItem) {
		long oldSize = 0;
		long newSize = 0;
		if (oldItem != null && this.keySchema.isKeyOf(oldItem)) {
			Map<String, AttributeValue> removed = this.entries
				.remove(new EntryKey(this.keySchema.keyOf(oldItem), tableKey));
			if (removed != null) {
				oldSize = ItemSize.of(removed);
				this.sizeBytes -= oldSize;
			}
		}
		if (newItem != null && this.keySchema.isKeyOf(newItem)) {
			Map<String, AttributeValue> projected = project(newItem);
			this.entries.put(new EntryKey(this.keySchema.keyOf(newItem), tableKey), projected);
			newSize = ItemSize.of(projected);
			this.sizeBytes += newSize;
		}
		if (oldSize == 0 && newSize == 0) {
			return 0;
		}
		return Capacity.writeUnits(Math.max(oldSize, newSize));
	}

	void clear() {
		this.entries.clear();
		this.sizeBytes = 0;
	}

	/**
	 * Describes this index as {@code DescribeTable} does.
	 * @param tableArn the table's ARN
	 * @param status the index status (global indexes only)
	 * @param now the time, for the throughput
	 * @return the JSON object
	 */
	Map<String, Object> describe(String tableArn, String status, Instant now) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("IndexName", this.name);
		json.put("KeySchema", this.keySchema.toJson());
		Map<String, Object> projection = new LinkedHashMap<>();
		projection.put("ProjectionType", this.projectionType);
		if ("INCLUDE".equals(this.projectionType)) {
			projection.put("NonKeyAttributes", new ArrayList<Object>(this.nonKeyAttributes));
		}
		json.put("Projection", projection);
		if (this.global) {
			json.put("IndexStatus", status);
			json.put("ProvisionedThroughput", this.throughput.toJson(now));
		}
		json.put("IndexSizeBytes", this.sizeBytes);
		json.put("ItemCount", (long) this.entries.size());
		json.put("IndexArn", tableArn + "/index/" + this.name);
		return json;
	}

}
