package io.dynamodown.table;

import java.util.Objects;

/**
 * The attribute names of a store's items, configurable so that an existing table can be
 * adopted.
 *
 * @param hashKey the partition key attribute (type S)
 * @param sortKey the sort key attribute (type B)
 * @param value the value attribute (type B)
 */
public record AttributeNames(String hashKey, String sortKey, String value) {

	/** The default names: {@code hkey}, {@code rkey}, {@code value}. */
	public static final AttributeNames DEFAULT = new AttributeNames("hkey", "rkey", "value");

	/**
	 * Creates attribute names.
	 * @param hashKey the partition key attribute
	 * @param sortKey the sort key attribute
	 * @param value the value attribute
	 */
	public AttributeNames {
		Objects.requireNonNull(hashKey, "'hashKey' must not be null");
		Objects.requireNonNull(sortKey, "'sortKey' must not be null");
		Objects.requireNonNull(value, "'value' must not be null");
		if (hashKey.isEmpty() || sortKey.isEmpty() || value.isEmpty()) {
			throw new IllegalArgumentException("attribute names must not be empty");
		}
		if (hashKey.equals(sortKey) || hashKey.equals(value) || sortKey.equals(value)) {
			throw new IllegalArgumentException(
					"attribute names must differ, were " + hashKey + ", " + sortKey + ", " + value);
		}
	}

}
