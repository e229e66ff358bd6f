package io.dynamodown.table;

/**
 * The attribute names of a store's items, configurable so that an existing table can be
 * adopted. The builder checks them against DynamoDB's naming rules when they are given
 * ({@code LevelDbBuilder.attributeNames}): each well-formed, 1 to 255 bytes of UTF-8 for
 * the key attributes and 1 byte to 64 KB for the value attribute, all different.
 *
 * @param hashKey the partition key attribute (type S)
 * @param sortKey the sort key attribute (type B)
 * @param value the value attribute (type B)
 */
public record AttributeNames(String hashKey, String sortKey, String value) {

	/** The default names: {@code hkey}, {@code rkey}, {@code value}. */
	public static final AttributeNames DEFAULT = new AttributeNames("hkey", "rkey", "value");

}
