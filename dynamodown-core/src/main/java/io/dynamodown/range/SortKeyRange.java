package io.dynamodown.range;

import java.util.HashMap;
import java.util.Map;

import io.dynamodown.key.ByteKeys;
import io.dynamodown.key.KeyBound;
import io.dynamodown.table.KeyLayout;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A planned range of sort keys (format byte included), ready to become one
 * {@code KeyConditionExpression}. A missing bound is open; an empty range sends no
 * request.
 *
 * @param lower the lower bound, or {@code null} for none
 * @param upper the upper bound, or {@code null} for none
 * @param empty whether no key can be in the range
 */
public record SortKeyRange(@Nullable KeyBound lower, @Nullable KeyBound upper, boolean empty) {

	/** The range that holds nothing. */
	public static final SortKeyRange EMPTY = new SortKeyRange(null, null, true);

	/** Placeholder of the partition key attribute in expressions. */
	public static final String HASH_NAME = "#h";

	/** Placeholder of the sort key attribute in expressions. */
	public static final String SORT_NAME = "#r";

	/**
	 * The key condition of a query over this range, for example
	 * {@code #h = :h AND #r BETWEEN :lo AND :hi}. Both bounds become {@code BETWEEN}
	 * (exclusive bounds are turned into the inclusive neighbouring key first, which
	 * exists because keys are bounded in length); one bound becomes {@code >},
	 * {@code >=}, {@code <} or {@code <=}.
	 * @return the expression, using {@link #HASH_NAME} and {@link #SORT_NAME}
	 * @throws IllegalStateException for an empty range, which must not be queried
	 */
	public String keyConditionExpression() {
		if (this.empty) {
			throw new IllegalStateException("an empty range sends no query");
		}
		String hash = HASH_NAME + " = :h";
		if (this.lower != null && this.upper != null) {
			return hash + " AND " + SORT_NAME + " BETWEEN :lo AND :hi";
		}
		if (this.lower != null) {
			return hash + " AND " + SORT_NAME + (this.lower.inclusive() ? " >= :lo" : " > :lo");
		}
		if (this.upper != null) {
			return hash + " AND " + SORT_NAME + (this.upper.inclusive() ? " <= :hi" : " < :hi");
		}
		return hash;
	}

	/**
	 * The attribute names of {@link #keyConditionExpression()}: DynamoDB refuses names
	 * that an expression does not use.
	 * @param layout the layout that gives the attribute names
	 * @param projectSortKey whether a projection expression uses {@link #SORT_NAME} too
	 * @return the expression attribute names
	 */
	public Map<String, String> expressionNames(KeyLayout layout, boolean projectSortKey) {
		Map<String, String> names = new HashMap<>(4);
		names.put(HASH_NAME, layout.names().hashKey());
		if (projectSortKey || this.lower != null || this.upper != null) {
			names.put(SORT_NAME, layout.names().sortKey());
		}
		return names;
	}

	/**
	 * The values of {@link #keyConditionExpression()}.
	 * @param layout the layout that gives the partition key value
	 * @return the expression attribute values
	 */
	public Map<String, AttributeValue> expressionValues(KeyLayout layout) {
		Map<String, AttributeValue> values = new HashMap<>(4);
		values.put(":h", layout.hashKeyValue());
		if (this.lower != null) {
			values.put(":lo", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(this.lower.key())));
		}
		if (this.upper != null) {
			values.put(":hi", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(this.upper.key())));
		}
		return values;
	}

	/**
	 * Whether a sort key lies inside this range.
	 * @param sortKey the sort key bytes
	 * @return {@code true} when inside
	 */
	public boolean contains(byte[] sortKey) {
		if (this.empty) {
			return false;
		}
		if (this.lower != null) {
			int cmp = ByteKeys.compare(sortKey, this.lower.key());
			if (cmp < 0 || (cmp == 0 && !this.lower.inclusive())) {
				return false;
			}
		}
		if (this.upper != null) {
			int cmp = ByteKeys.compare(sortKey, this.upper.key());
			return cmp < 0 || (cmp == 0 && this.upper.inclusive());
		}
		return true;
	}

}
