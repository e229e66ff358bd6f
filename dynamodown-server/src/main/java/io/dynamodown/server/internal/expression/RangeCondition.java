package io.dynamodown.server.internal.expression;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * The condition of a query on the sort key, with the bounds of the sorted range it
 * selects.
 */
public final class RangeCondition {

	/**
	 * The operators a key condition may apply to a sort key.
	 */
	public enum Operator {

		/** Equal to the value. */
		EQ,
		/** Less than the value. */
		LT,
		/** Less than or equal to the value. */
		LE,
		/** Greater than the value. */
		GT,
		/** Greater than or equal to the value. */
		GE,
		/** Between the two values, both included. */
		BETWEEN,
		/** Starts with the value. */
		BEGINS_WITH

	}

	/**
	 * One end of a range of sort keys.
	 *
	 * @param value the sort key at the end
	 * @param inclusive whether the end belongs to the range
	 */
	public record Bound(AttributeValue value, boolean inclusive) {

	}

	private final Operator operator;

	private final List<AttributeValue> values;

	RangeCondition(Operator operator, List<AttributeValue> values) {
		this.operator = operator;
		this.values = List.copyOf(values);
	}

	/**
	 * Returns the operator.
	 * @return the operator
	 */
	public Operator operator() {
		return this.operator;
	}

	/**
	 * Returns the operator's values: two for {@code BETWEEN}, one otherwise.
	 * @return the values
	 */
	public List<AttributeValue> values() {
		return this.values;
	}

	/**
	 * Returns whether a sort key satisfies the condition.
	 * @param sortKey a sort key of the schema's type
	 * @return whether it does
	 */
	public boolean matches(AttributeValue sortKey) {
		AttributeValue value = this.values.get(0);
		switch (this.operator) {
			case EQ:
				return sortKey.equals(value);
			case BEGINS_WITH:
				return Values.beginsWith(sortKey, value);
			case BETWEEN:
				return Values.ordered(sortKey, value) && sortKey.compareTo(value) >= 0
						&& sortKey.compareTo(this.values.get(1)) <= 0;
			default:
				return Comparison.Comparator.valueOf(this.operator.name()).holds(sortKey, value);
		}
	}

	/**
	 * Returns where the range of matching sort keys starts. For {@code BEGINS_WITH} it is
	 * the prefix itself, and the matching keys are the ones from there for which
	 * {@link #matches(AttributeValue)} holds.
	 * @return the lower bound, or {@code null} when the range starts with the first key
	 */
	public @Nullable Bound lower() {
		switch (this.operator) {
			case EQ:
			case GE:
			case BETWEEN:
			case BEGINS_WITH:
				return new Bound(this.values.get(0), true);
			case GT:
				return new Bound(this.values.get(0), false);
			default:
				return null;
		}
	}

	/**
	 * Returns where the range of matching sort keys ends.
	 * @return the upper bound, or {@code null} when the range ends with the last key (or,
	 * for {@code BEGINS_WITH}, with the last key that matches)
	 */
	public @Nullable Bound upper() {
		switch (this.operator) {
			case EQ:
			case LE:
				return new Bound(this.values.get(0), true);
			case LT:
				return new Bound(this.values.get(0), false);
			case BETWEEN:
				return new Bound(this.values.get(1), true);
			default:
				return null;
		}
	}

}
