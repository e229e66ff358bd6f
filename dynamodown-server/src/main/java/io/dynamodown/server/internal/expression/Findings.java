package io.dynamodown.server.internal.expression;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The semantic errors found while parsing one expression. DynamoDB reads a whole
 * expression before it reports one of these, and it reports the first error of the kind
 * that ranks highest, so each kind keeps only its first error and each parser ranks the
 * kinds.
 */
final class Findings {

	/**
	 * The kinds of semantic errors.
	 */
	enum Kind {

		/** Too many operators or operands for DynamoDB's limits. */
		LIMIT,
		/** Parentheses directly around parentheses. */
		PARENTHESES,
		/** A function DynamoDB does not know. */
		UNKNOWN_FUNCTION,
		/** A function where it is not allowed. */
		MISUSED_FUNCTION,
		/** A reserved word as an attribute name. */
		RESERVED,
		/** The first error of the first failing condition of a condition expression. */
		CONDITION,
		/** An undefined expression attribute name or value (condition expressions). */
		NAME_OR_VALUE,
		/** An undefined expression attribute name (update and projection expressions). */
		NAME,
		/** An undefined expression attribute value (update expressions). */
		VALUE,
		/** A clause used twice in an update expression. */
		SECTION,
		/** Two document paths of which one contains the other. */
		OVERLAP,
		/** Two document paths that use one attribute both as a map and as a list. */
		CONFLICT,
		/** A wrong number of operands, or a wrong operand type for ADD and DELETE. */
		OPERAND,
		/** The same path on both sides of an operator. */
		DISTINCT,
		/** A wrong operand for a function. */
		FUNCTION

	}

	private final Map<Kind, String> errors = new EnumMap<>(Kind.class);

	boolean has(Kind kind) {
		return this.errors.containsKey(kind);
	}

	void record(Kind kind, String message) {
		this.errors.putIfAbsent(kind, message);
	}

	@Nullable String get(Kind kind) {
		return this.errors.get(kind);
	}

	/**
	 * Throws the error of the highest ranked kind found, if any.
	 * @param ranking the kinds, highest first
	 * @throws InvalidExpression the error
	 */
	void throwFirst(Kind... ranking) {
		for (Kind kind : ranking) {
			String message = this.errors.get(kind);
			if (message != null) {
				throw new InvalidExpression(message);
			}
		}
	}

}
