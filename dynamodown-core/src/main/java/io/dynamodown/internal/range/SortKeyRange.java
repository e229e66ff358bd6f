package io.dynamodown.internal.range;

import io.dynamodown.internal.key.KeyBound;
import io.dynamodown.internal.layout.KeyLayout;
import org.jspecify.annotations.Nullable;

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
	 * {@code >=}, {@code <} or {@code <=}. An empty range must not be queried at all.
	 * @return the expression, using {@link #HASH_NAME} and {@link #SORT_NAME}
	 */
	public String keyConditionExpression() {
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

}
