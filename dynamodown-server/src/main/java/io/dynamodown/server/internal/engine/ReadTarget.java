package io.dynamodown.server.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;

/**
 * What a {@code Query} or {@code Scan} reads: a table, or one of its indexes, with the
 * key schema that orders it and the attributes a {@code LastEvaluatedKey} names.
 */
final class ReadTarget {

	private final Table table;

	private final @Nullable SecondaryIndex index;

	private final boolean fetchFromTable;

	private ReadTarget(Table table, @Nullable SecondaryIndex index, boolean fetchFromTable) {
		this.table = table;
		this.index = index;
		this.fetchFromTable = fetchFromTable;
	}

	/**
	 * Resolves the target of a request, with DynamoDB's checks of {@code IndexName} and
	 * {@code ConsistentRead}; {@link #checkSelect()} checks {@code Select} later, where
	 * DynamoDB does.
	 * @param table the table
	 * @param request the request
	 * @return the target
	 * @throws DynamoDbError {@code ValidationException} when the index is missing or
	 * cannot be read consistently
	 */
	static ReadTarget of(Table table, Map<String, Object> request) {
		String indexName = Requests.optionalString(request, "IndexName");
		if (indexName == null) {
			return new ReadTarget(table, null, false);
		}
		SecondaryIndex index = table.index(indexName);
		if (index == null) {
			throw DynamoDbError.validation("The table does not have the specified index: " + indexName);
		}
		if (index.global() && Requests.consistent(request)) {
			throw DynamoDbError.validation("Consistent reads are not supported on global secondary indexes");
		}
		boolean allAttributes = "ALL_ATTRIBUTES".equals(request.get("Select")) && !"ALL".equals(index.projectionType());
		return new ReadTarget(table, index, allAttributes);
	}

	/**
	 * Refuses {@code Select=ALL_ATTRIBUTES} on a global index that does not project them
	 * all: unlike a local index's, its items cannot be completed from the table.
	 * @throws DynamoDbError {@code ValidationException} naming the index
	 */
	void checkSelect() {
		if (this.fetchFromTable && this.index != null && this.index.global()) {
			throw DynamoDbError.validation("One or more parameter values were invalid: "
					+ "Select type ALL_ATTRIBUTES is not supported for global secondary index " + this.index.name()
					+ " because its projection type is not ALL");
		}
	}

	Table table() {
		return this.table;
	}

	@Nullable SecondaryIndex index() {
		return this.index;
	}

	KeySchema schema() {
		return (this.index != null) ? this.index.keySchema() : this.table.keySchema();
	}

	NavigableMap<EntryKey, Map<String, AttributeValue>> entries() {
		return (this.index != null) ? this.index.entries() : this.table.items();
	}

	/**
	 * Returns whether items must be read from the table, as a local index's items lack
	 * attributes that {@code Select=ALL_ATTRIBUTES} asks for.
	 * @return whether they must
	 */
	boolean fetchFromTable() {
		return this.fetchFromTable;
	}

	/**
	 * Returns the attributes of a {@code LastEvaluatedKey} or {@code ExclusiveStartKey}:
	 * the table's key, then the index's key attributes that are not part of it.
	 * @return the names
	 */
	List<String> startKeyNames() {
		List<String> names = new ArrayList<>(this.table.keySchema().names());
		if (this.index != null) {
			for (String name : this.index.keySchema().names()) {
				if (!names.contains(name)) {
					names.add(name);
				}
			}
		}
		return names;
	}

	/**
	 * Returns the position of an entry given as an {@code ExclusiveStartKey}.
	 * @param startKey the start key's attributes, already checked
	 * @return the entry key
	 */
	EntryKey entryKey(Map<String, AttributeValue> startKey) {
		PrimaryKey tableKey = this.table.keySchema().keyOf(startKey);
		if (this.index == null) {
			return new EntryKey(tableKey, null);
		}
		return new EntryKey(this.index.keySchema().keyOf(startKey), tableKey);
	}

	/**
	 * Returns the {@code LastEvaluatedKey} of an entry.
	 * @param item the item (or projected item) at that entry
	 * @return the key attributes
	 */
	Map<String, AttributeValue> lastEvaluatedKey(Map<String, AttributeValue> item) {
		Map<String, AttributeValue> key = new LinkedHashMap<>();
		for (String name : startKeyNames()) {
			AttributeValue value = item.get(name);
			if (value != null) {
				key.put(name, value);
			}
		}
		return key;
	}

}
