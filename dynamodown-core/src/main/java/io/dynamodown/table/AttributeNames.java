package io.dynamodown.table;

import java.util.HashSet;
import java.util.List;

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
 * @param ttl the expiry attribute (type N, epoch seconds), written only for keys put with
 * a time to live; the table's DynamoDB TTL should be enabled on it
 */
public record AttributeNames(String hashKey, String sortKey, String value, String ttl) {

	/** The name of the expiry attribute when none is given: {@value}. */
	public static final String DEFAULT_TTL = "ttl";

	/** The default names: {@code hkey}, {@code rkey}, {@code value}, {@code ttl}. */
	public static final AttributeNames DEFAULT = new AttributeNames("hkey", "rkey", "value", DEFAULT_TTL);

	/**
	 * Creates attribute names.
	 * @param hashKey the partition key attribute
	 * @param sortKey the sort key attribute
	 * @param value the value attribute
	 * @param ttl the expiry attribute
	 * @throws LevelDbException {@link ErrorCode#INVALID_ARGUMENT} for a malformed name or
	 * two equal names
	 */
	public AttributeNames {
		Limits.checkAttributeName(hashKey, "hash key", Limits.MAX_KEY_ATTRIBUTE_NAME_BYTES);
		Limits.checkAttributeName(sortKey, "sort key", Limits.MAX_KEY_ATTRIBUTE_NAME_BYTES);
		Limits.checkAttributeName(value, "value", Limits.MAX_ATTRIBUTE_NAME_BYTES);
		Limits.checkAttributeName(ttl, "ttl", Limits.MAX_ATTRIBUTE_NAME_BYTES);
		if (new HashSet<>(List.of(hashKey, sortKey, value, ttl)).size() < 4) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"attribute names must differ, were " + hashKey + ", " + sortKey + ", " + value + ", " + ttl);
		}
	}

	/**
	 * Creates attribute names with the default expiry attribute {@value #DEFAULT_TTL}.
	 * @param hashKey the partition key attribute
	 * @param sortKey the sort key attribute
	 * @param value the value attribute
	 * @throws LevelDbException {@link ErrorCode#INVALID_ARGUMENT} for a malformed name or
	 * two equal names
	 */
	public AttributeNames(String hashKey, String sortKey, String value) {
		this(hashKey, sortKey, value, DEFAULT_TTL);
	}

	/**
	 * These names with another expiry attribute.
	 * @param ttl the expiry attribute
	 * @return the names
	 */
	public AttributeNames withTtl(String ttl) {
		return new AttributeNames(this.hashKey, this.sortKey, this.value, ttl);
	}

}
