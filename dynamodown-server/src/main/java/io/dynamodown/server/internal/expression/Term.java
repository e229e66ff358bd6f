package io.dynamodown.server.internal.expression;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.AttributeValue.Type;

/**
 * An operand as written in a condition or update expression, before it is checked: a
 * path, a value or a function call.
 */
sealed interface Term permits Term.PathTerm, Term.ValueTerm, Term.CallTerm {

	/**
	 * The type the term is known to have before any item is read, if known.
	 * @return the type, or {@code null}
	 */
	@Nullable Type type();

	/**
	 * The type of the term if it is a value given in the request.
	 * @return the type, or {@code null}
	 */
	default @Nullable Type valueType() {
		return null;
	}

	/**
	 * A document path.
	 *
	 * @param path the path, with expression attribute names replaced
	 */
	record PathTerm(DocumentPath path) implements Term {

		@Override
		public @Nullable Type type() {
			return null;
		}

	}

	/**
	 * An expression attribute value.
	 *
	 * @param value the value, or {@code null} when the request does not define it
	 */
	record ValueTerm(@Nullable AttributeValue value) implements Term {

		@Override
		public @Nullable Type type() {
			return valueType();
		}

		@Override
		public @Nullable Type valueType() {
			return (this.value != null) ? this.value.type() : null;
		}

	}

	/**
	 * A function call.
	 *
	 * @param name the function's name
	 * @param arguments its operands
	 * @param type the type of its result, if known
	 */
	record CallTerm(String name, List<Term> arguments, @Nullable Type type) implements Term {

		public CallTerm {
			arguments = List.copyOf(arguments);
		}

	}

}
