package io.dynamodown.server.internal.expression;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * {@code left comparator right}.
 *
 * @param comparator the comparator
 * @param left the left operand
 * @param right the right operand
 */
record Comparison(Comparator comparator, Operand left, Operand right) implements ConditionNode {

	/**
	 * The comparators, with their symbols.
	 */
	enum Comparator {

		/** Equal. */
		EQ("="),
		/** Not equal. */
		NE("<>"),
		/** Less than. */
		LT("<"),
		/** Less than or equal. */
		LE("<="),
		/** Greater than. */
		GT(">"),
		/** Greater than or equal. */
		GE(">=");

		private final String symbol;

		Comparator(String symbol) {
			this.symbol = symbol;
		}

		String symbol() {
			return this.symbol;
		}

		static @Nullable Comparator of(Token token) {
			for (Comparator comparator : values()) {
				if (token.isSymbol(comparator.symbol)) {
					return comparator;
				}
			}
			return null;
		}

		/** The comparator that holds with its operands swapped. */
		Comparator swapped() {
			switch (this) {
				case LT:
					return GT;
				case LE:
					return GE;
				case GT:
					return LT;
				case GE:
					return LE;
				default:
					return this;
			}
		}

		boolean holds(@Nullable AttributeValue a, @Nullable AttributeValue b) {
			switch (this) {
				case EQ:
					return Values.equal(a, b);
				case NE:
					// Two missing values are the same nothing, as DynamoDB has it.
					return (a != null || b != null) && !Values.equal(a, b);
				default:
					return a != null && b != null && Values.ordered(a, b) && holds(a.compareTo(b));
			}
		}

		private boolean holds(int comparison) {
			switch (this) {
				case LT:
					return comparison < 0;
				case LE:
					return comparison <= 0;
				case GT:
					return comparison > 0;
				default:
					return comparison >= 0;
			}
		}

	}

	@Override
	public boolean test(Map<String, AttributeValue> item) {
		return this.comparator.holds(this.left.evaluate(item), this.right.evaluate(item));
	}

}
