package io.dynamodown.table;

/**
 * The attribute names of a store's items, configurable so that an existing table can be
 * adopted. The builder checks them against DynamoDB's naming rules when they are given
 * ({@code LevelDbBuilder.attributeNames}): each well-formed, 1 to 255 bytes of UTF-8 for
 * the key attributes and 1 byte to 64 KB for the value and expiry attributes, all
 * different.
 * <p>
 * Only items without a form attribute hold their value as it is in the value attribute;
 * other readers of the table (the raw SDK) can read those directly. An item with a form
 * attribute holds its value compressed, or names the chunk items that hold it (see
 * {@code docs/core.md}).
 *
 * @param hashKey the partition key attribute (type S)
 * @param sortKey the sort key attribute (type B)
 * @param value the value attribute (type B)
 * @param ttl the expiry attribute (type N, epoch seconds), written only for keys put with
 * a time to live; the table's DynamoDB TTL should be enabled on it
 * @param form the form attribute (type B), written only on items whose value is stored
 * compressed or in chunks, saying how to read it
 */
public record AttributeNames(String hashKey, String sortKey, String value, String ttl, String form) {

	/** The name of the expiry attribute when none is given: {@value}. */
	public static final String DEFAULT_TTL = "ttl";

	/** The name of the form attribute when none is given: {@value}. */
	public static final String DEFAULT_FORM = "form";

	/**
	 * The default names: {@code hkey}, {@code rkey}, {@code value}, {@code ttl},
	 * {@code form}.
	 */
	public static final AttributeNames DEFAULT = new AttributeNames("hkey", "rkey", "value", DEFAULT_TTL, DEFAULT_FORM);

	/**
	 * Creates attribute names with the default form attribute {@value #DEFAULT_FORM}.
	 * @param hashKey the partition key attribute
	 * @param sortKey the sort key attribute
	 * @param value the value attribute
	 * @param ttl the expiry attribute
	 */
	public AttributeNames(String hashKey, String sortKey, String value, String ttl) {
		this(hashKey, sortKey, value, ttl, DEFAULT_FORM);
	}

	/**
	 * Creates attribute names with the default expiry attribute {@value #DEFAULT_TTL} and
	 * form attribute {@value #DEFAULT_FORM}.
	 * @param hashKey the partition key attribute
	 * @param sortKey the sort key attribute
	 * @param value the value attribute
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
		return new AttributeNames(this.hashKey, this.sortKey, this.value, ttl, this.form);
	}

	/**
	 * These names with another form attribute.
	 * @param form the form attribute
	 * @return the names
	 */
	public AttributeNames withForm(String form) {
		return new AttributeNames(this.hashKey, this.sortKey, this.value, this.ttl, form);
	}

}
