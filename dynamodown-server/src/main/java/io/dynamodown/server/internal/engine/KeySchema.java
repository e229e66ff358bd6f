package io.dynamodown.server.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * The key schema of a table or an index: its partition (hash) key and, optionally, its
 * sort (range) key, each with the type its attribute definition gives it.
 *
 * @param hashName the partition key's attribute name
 * @param hashType its type ({@code S}, {@code N} or {@code B})
 * @param rangeName the sort key's attribute name, or {@code null}
 * @param rangeType its type, or {@code null}
 */
record KeySchema(String hashName, AttributeValue.Type hashType, @Nullable String rangeName,
		AttributeValue.@Nullable Type rangeType) {

	/**
	 * Reads a schema from a request's {@code KeySchema} and {@code AttributeDefinitions}.
	 * @param keySchema the list of {@code {AttributeName, KeyType}}
	 * @param definitions the attribute definitions
	 * @return the schema
	 */
	static KeySchema of(List<Map<String, Object>> keySchema, List<Map<String, Object>> definitions) {
		String hash = null;
		String range = null;
		for (Map<String, Object> element : keySchema) {
			if ("HASH".equals(element.get("KeyType"))) {
				hash = (String) element.get("AttributeName");
			}
			else {
				range = (String) element.get("AttributeName");
			}
		}
		if (hash == null) {
			throw new IllegalArgumentException("no hash key in " + keySchema);
		}
		return new KeySchema(hash, typeOf(hash, definitions), range,
				(range != null) ? typeOf(range, definitions) : null);
	}

	private static AttributeValue.Type typeOf(String name, List<Map<String, Object>> definitions) {
		for (Map<String, Object> definition : definitions) {
			if (name.equals(definition.get("AttributeName"))) {
				return AttributeValue.Type.valueOf(Requests.string(definition, "AttributeType"));
			}
		}
		throw new IllegalArgumentException("no definition of " + name);
	}

	/**
	 * Returns the key attribute names, partition key first.
	 * @return one or two names
	 */
	List<String> names() {
		List<String> names = new ArrayList<>(2);
		names.add(this.hashName);
		if (this.rangeName != null) {
			names.add(this.rangeName);
		}
		return names;
	}

	/**
	 * Returns whether an item carries this schema's key attributes with the right types
	 * (an item without them is not in an index of this schema).
	 * @param item the item
	 * @return whether it has the key
	 */
	boolean isKeyOf(Map<String, AttributeValue> item) {
		AttributeValue hash = item.get(this.hashName);
		if (hash == null || hash.type() != this.hashType) {
			return false;
		}
		if (this.rangeName == null) {
			return true;
		}
		AttributeValue range = item.get(this.rangeName);
		return range != null && range.type() == this.rangeType;
	}

	/**
	 * Returns the key of an item that {@link #isKeyOf(Map) has it}.
	 * @param item the item
	 * @return the key
	 */
	PrimaryKey keyOf(Map<String, AttributeValue> item) {
		AttributeValue hash = item.get(this.hashName);
		if (hash == null) {
			throw new IllegalArgumentException("no " + this.hashName);
		}
		return new PrimaryKey(hash, (this.rangeName != null) ? item.get(this.rangeName) : null);
	}

	/**
	 * Returns the key attributes of an item as an attribute map.
	 * @param item the item
	 * @return the key attributes
	 */
	Map<String, AttributeValue> keyAttributes(Map<String, AttributeValue> item) {
		Map<String, AttributeValue> key = new LinkedHashMap<>();
		for (String name : names()) {
			AttributeValue value = item.get(name);
			if (value != null) {
				key.put(name, value);
			}
		}
		return key;
	}

	/**
	 * Returns a key as an attribute map: its partition key and, when the schema has one,
	 * its sort key.
	 * @param key the key
	 * @return the key attributes
	 */
	Map<String, AttributeValue> keyAttributes(PrimaryKey key) {
		Map<String, AttributeValue> attributes = new LinkedHashMap<>();
		attributes.put(this.hashName, key.hash());
		AttributeValue range = key.range();
		if (this.rangeName != null && range != null) {
			attributes.put(this.rangeName, range);
		}
		return attributes;
	}

	/**
	 * Returns the schema as a {@code KeySchema} list of a table description.
	 * @return the JSON list
	 */
	List<Object> toJson() {
		List<Object> json = new ArrayList<>();
		json.add(element(this.hashName, "HASH"));
		if (this.rangeName != null) {
			json.add(element(this.rangeName, "RANGE"));
		}
		return json;
	}

	private static Map<String, Object> element(String name, String type) {
		Map<String, Object> element = new LinkedHashMap<>();
		element.put("AttributeName", name);
		element.put("KeyType", type);
		return element;
	}

}
