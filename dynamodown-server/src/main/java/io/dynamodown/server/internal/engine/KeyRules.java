package io.dynamodown.server.internal.engine;

import java.util.Map;

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
		KeySchema schema = table.keySchema();
		AttributeValue hash = itemPiece(item, schema.hashName(), schema.hashType(), true);
		AttributeValue range = null;
		if (schema.rangeName() != null && schema.rangeType() != null) {
			range = itemPiece(item, schema.rangeName(), schema.rangeType(), false);
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

	private static void checkIndexKey(Map<String, AttributeValue> item, String name, AttributeValue.Type type,
			SecondaryIndex index) {
		AttributeValue value = item.get(name);
		if (value != null && value.type() != type) {
			throw DynamoDbError.validation("One or more parameter values were invalid: Type mismatch for Index Key "
					+ name + " Expected: " + type + " Actual: " + value.type() + " IndexName: " + index.name());
		}
		if (value != null && isEmpty(value)) {
			throw DynamoDbError.validation("One or more parameter values are not valid. "
					+ "A value specified for a secondary index key is not supported. "
					+ "The AttributeValue for a key attribute cannot contain an empty " + emptyWord(type)
					+ " value. IndexName: " + index.name() + ", IndexKey: " + name);
		}
	}

	private static AttributeValue itemPiece(Map<String, AttributeValue> item, String name, AttributeValue.Type type,
			boolean hash) {
		AttributeValue value = item.get(name);
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
