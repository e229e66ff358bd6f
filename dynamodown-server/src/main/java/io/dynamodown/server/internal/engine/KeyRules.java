package io.dynamodown.server.internal.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;

/**
 * DynamoDB's checks of keys and items against a table's schema, with its messages: the
 * key has exactly the schema's attributes with their types, key values are not empty, a
 * partition key has at most 2,048 bytes and a sort key at most 1,024, and an item's index
 * key attributes have the index's types.
 */
final class KeyRules {

	private static final int MAX_HASH_KEY = 2048;

	private static final int MAX_RANGE_KEY = 1024;

	private KeyRules() {
	}

	/**
	 * Checks a request's key ({@code Key}) against a schema.
	 * @param key the key attributes
	 * @param schema the table's or index's schema
	 * @return the key
	 * @throws DynamoDbError a {@code ValidationException} when it does not fit
	 */
	static PrimaryKey key(Map<String, AttributeValue> key, KeySchema schema) {
		if (key.size() != schema.names().size()) {
			throw DynamoDbError.validation("The provided key element does not match the schema");
		}
		AttributeValue hash = piece(key, schema.hashName(), schema.hashType(), true);
		AttributeValue range = null;
		if (schema.rangeName() != null && schema.rangeType() != null) {
			range = piece(key, schema.rangeName(), schema.rangeType(), false);
		}
		return new PrimaryKey(hash, range);
	}

	/**
	 * Checks one key attribute of an {@code ExclusiveStartKey} against the schema of the
	 * table or index read.
	 * @param startKey the start key's attributes
	 * @param name the key attribute, one of the schema's
	 * @param schema the schema
	 * @throws DynamoDbError a {@code ValidationException} when the attribute is missing
	 * or does not fit
	 */
	static void startKeyPiece(Map<String, AttributeValue> startKey, String name, KeySchema schema) {
		if (!startKey.containsKey(name)) {
			throw DynamoDbError.validation("The provided starting key is invalid");
		}
		boolean hash = name.equals(schema.hashName());
		AttributeValue.Type type = hash ? schema.hashType() : schema.rangeType();
		piece(startKey, name, Objects.requireNonNull(type, "a sort key has a type"), hash);
	}

	private static AttributeValue piece(Map<String, AttributeValue> key, String name, AttributeValue.Type type,
			boolean hash) {
		AttributeValue value = key.get(name);
		if (value == null || value.type() != type) {
			throw DynamoDbError.validation("The provided key element does not match the schema");
		}
		if (isEmpty(value)) {
			throw DynamoDbError.validation("One or more parameter values were invalid: "
					+ "The AttributeValue for a key attribute cannot contain an empty " + emptyWord(type)
					+ " value. Key: " + name);
		}
		checkSize(value, hash);
		return value;
	}

	/**
	 * Checks an item ({@code Item} of a put) against a table's key schema and its
	 * indexes' key types.
	 * @param item the item
	 * @param table the table
	 * @return the item's key
	 * @throws DynamoDbError a {@code ValidationException} when it does not fit
	 */
	static PrimaryKey item(Map<String, AttributeValue> item, Table table) {
		return item(item, table, false);
	}

	/**
	 * Checks the item of a {@code BatchWriteItem} put as {@link #item(Map, Table)} does,
	 * except that a missing or mistyped key attribute gets the message of a mismatched
	 * {@code Key}, as DynamoDB answers for batches.
	 * @param item the item
	 * @param table the table
	 * @return the item's key
	 * @throws DynamoDbError a {@code ValidationException} when it does not fit
	 */
	static PrimaryKey batchItem(Map<String, AttributeValue> item, Table table) {
		return item(item, table, true);
	}

	private static PrimaryKey item(Map<String, AttributeValue> item, Table table, boolean batch) {
		KeySchema schema = table.keySchema();
		AttributeValue hash = itemPiece(item, schema.hashName(), schema.hashType(), true, batch);
		AttributeValue range = null;
		if (schema.rangeName() != null && schema.rangeType() != null) {
			range = itemPiece(item, schema.rangeName(), schema.rangeType(), false, batch);
		}
		checkIndexKeys(item, table);
		return new PrimaryKey(hash, range);
	}

	/**
	 * Checks that an item's attributes used as index keys have the index's types.
	 * @param item the item
	 * @param table the table
	 * @throws DynamoDbError a {@code ValidationException} naming the index otherwise
	 */
	static void checkIndexKeys(Map<String, AttributeValue> item, Table table) {
		for (SecondaryIndex index : table.indexes()) {
			KeySchema schema = index.keySchema();
			checkIndexKey(item, schema.hashName(), schema.hashType(), index);
			if (schema.rangeName() != null && schema.rangeType() != null) {
				checkIndexKey(item, schema.rangeName(), schema.rangeType(), index);
			}
		}
	}

	/**
	 * Checks the types an update gives index key attributes before it is applied, as
	 * DynamoDB does before it reads the item.
	 * @param assigned the type each top-level attribute gets, where the update alone
	 * tells it
	 * @param table the table
	 * @throws DynamoDbError a {@code ValidationException} naming the first index, in the
	 * table's order, whose key would get another type
	 */
	static void checkAssignedIndexKeyTypes(Map<String, AttributeValue.Type> assigned, Table table) {
		for (SecondaryIndex index : table.indexes()) {
			KeySchema schema = index.keySchema();
			checkIndexKeyType(assigned.get(schema.hashName()), schema.hashName(), schema.hashType(), index);
			if (schema.rangeName() != null && schema.rangeType() != null) {
				checkIndexKeyType(assigned.get(schema.rangeName()), schema.rangeName(), schema.rangeType(), index);
			}
		}
	}

	/**
	 * Checks the index key attributes an update set to values read from the item (which
	 * {@link #checkAssignedIndexKeyTypes} cannot know in advance).
	 * @param changed the top-level attributes the update changed
	 * @param updated the item after the update
	 * @param table the table
	 * @throws DynamoDbError a {@code ValidationException} when one got another type than
	 * its index's
	 */
	static void checkUpdatedIndexKeyTypes(Set<String> changed, Map<String, AttributeValue> updated, Table table) {
		for (SecondaryIndex index : table.indexes()) {
			KeySchema schema = index.keySchema();
			for (String name : schema.names()) {
				AttributeValue value = updated.get(name);
				AttributeValue.Type type = name.equals(schema.hashName()) ? schema.hashType() : schema.rangeType();
				if (changed.contains(name) && value != null && value.type() != type) {
					throw DynamoDbError.validation(
							"The update expression attempted to update the secondary index key to unsupported type");
				}
			}
		}
	}

	private static void checkIndexKeyType(AttributeValue.@Nullable Type actual, String name,
			AttributeValue.Type expected, SecondaryIndex index) {
		if (actual != null && actual != expected) {
			throw DynamoDbError.validation("One or more parameter values were invalid: Type mismatch for Index Key "
					+ name + " Expected: " + expected + " Actual: " + actual + " IndexName: " + index.name());
		}
	}

	private static void checkIndexKey(Map<String, AttributeValue> item, String name, AttributeValue.Type type,
			SecondaryIndex index) {
		AttributeValue value = item.get(name);
		checkIndexKeyType((value != null) ? value.type() : null, name, type, index);
		if (value != null && isEmpty(value)) {
			throw DynamoDbError.validation("One or more parameter values are not valid. "
					+ "A value specified for a secondary index key is not supported. "
					+ "The AttributeValue for a key attribute cannot contain an empty " + emptyWord(type)
					+ " value. IndexName: " + index.name() + ", IndexKey: " + name);
		}
	}

	private static AttributeValue itemPiece(Map<String, AttributeValue> item, String name, AttributeValue.Type type,
			boolean hash, boolean batch) {
		AttributeValue value = item.get(name);
		if (batch && (value == null || value.type() != type)) {
			throw DynamoDbError.validation("The provided key element does not match the schema");
		}
		if (value == null) {
			throw DynamoDbError
				.validation("One or more parameter values were invalid: Missing the key " + name + " in the item");
		}
		if (value.type() != type) {
			throw DynamoDbError.validation("One or more parameter values were invalid: Type mismatch for key " + name
					+ " expected: " + type + " actual: " + value.type());
		}
		if (isEmpty(value)) {
			throw DynamoDbError.validation("One or more parameter values are not valid. "
					+ "The AttributeValue for a key attribute cannot contain an empty " + emptyWord(type)
					+ " value. Key: " + name);
		}
		checkSize(value, hash);
		return value;
	}

	private static boolean isEmpty(AttributeValue value) {
		return (value.type() == AttributeValue.Type.S && value.asString().isEmpty())
				|| (value.type() == AttributeValue.Type.B && value.asBinary().length() == 0);
	}

	private static String emptyWord(AttributeValue.Type type) {
		return (type == AttributeValue.Type.S) ? "string" : "binary";
	}

	private static void checkSize(AttributeValue value, boolean hash) {
		if (value.type() == AttributeValue.Type.N) {
			return;
		}
		long size = ItemSize.of(value);
		if (hash && size > MAX_HASH_KEY) {
			throw DynamoDbError.validation("One or more parameter values were invalid: "
					+ "Size of hashkey has exceeded the maximum size limit of2048 bytes");
		}
		if (!hash && size > MAX_RANGE_KEY) {
			throw DynamoDbError.validation("One or more parameter values were invalid: "
					+ "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
		}
	}

}
