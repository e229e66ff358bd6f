package io.dynamodown.table;

import io.dynamodown.error.ErrorCode;
import io.dynamodown.error.LevelDbException;
import io.dynamodown.internal.limit.Limits;

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
		Limits.checkAttributeName(hashKey, "hash key", Limits.MAX_KEY_ATTRIBUTE_NAME_BYTES);
		Limits.checkAttributeName(sortKey, "sort key", Limits.MAX_KEY_ATTRIBUTE_NAME_BYTES);
		Limits.checkAttributeName(value, "value", Limits.MAX_ATTRIBUTE_NAME_BYTES);
		if (hashKey.equals(sortKey) || hashKey.equals(value) || sortKey.equals(value)) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"attribute names must differ, were " + hashKey + ", " + sortKey + ", " + value);
		}
	}

}
