package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;

/**
 * The value a {@code SET} action assigns, computed from the item as it was before the
 * update.
 */
sealed interface UpdateValue permits UpdateValue.PathValue, UpdateValue.Literal, UpdateValue.IfNotExists,
		UpdateValue.ListAppend, UpdateValue.Arithmetic {

	/** DynamoDB's message for an operand of the wrong type. */
	String INCORRECT_TYPE = "An operand in the update expression has an incorrect data type";

	/**
	 * Computes the value.
	 * @param item the item before the update, empty when there is none
	 * @return the value
	 * @throws DynamoDbError if an operand is missing or has the wrong type
	 */
	AttributeValue evaluate(Map<String, AttributeValue> item);

	/**
	 * The value at a document path, which must exist.
	 *
	 * @param path the path
	 */
	record PathValue(DocumentPath path) implements UpdateValue {

		@Override
		public AttributeValue evaluate(Map<String, AttributeValue> item) {
			AttributeValue value = this.path.evaluate(item);
			if (value == null) {
				throw DynamoDbError
					.validation("The provided expression refers to an attribute that does not exist in the item");
			}
			return value;
		}

	}

	/**
	 * A value given in the request.
	 *
	 * @param value the value
	 */
	record Literal(AttributeValue value) implements UpdateValue {

		@Override
		public AttributeValue evaluate(Map<String, AttributeValue> item) {
			return this.value;
		}

	}

	/**
	 * {@code if_not_exists(path, fallback)}.
	 *
	 * @param path the path whose value to take if there is one
	 * @param fallback the value otherwise
	 */
	record IfNotExists(DocumentPath path, UpdateValue fallback) implements UpdateValue {

		@Override
		public AttributeValue evaluate(Map<String, AttributeValue> item) {
			AttributeValue value = this.path.evaluate(item);
			return (value != null) ? value : this.fallback.evaluate(item);
		}

	}

	/**
	 * {@code list_append(first, second)}.
	 *
	 * @param first the list whose elements come first
	 * @param second the list whose elements follow
	 */
	record ListAppend(UpdateValue first, UpdateValue second) implements UpdateValue {

		@Override
		public AttributeValue evaluate(Map<String, AttributeValue> item) {
			List<AttributeValue> elements = new ArrayList<>(list(this.first.evaluate(item)));
			elements.addAll(list(this.second.evaluate(item)));
			return AttributeValue.l(elements);
		}

		private static List<AttributeValue> list(AttributeValue value) {
			if (value.type() != AttributeValue.Type.L) {
				throw DynamoDbError.validation(INCORRECT_TYPE);
			}
			return value.asList();
		}

	}

	/**
	 * {@code left + right} or {@code left - right} of numbers.
	 *
	 * @param left the left operand
	 * @param right the right operand
	 * @param subtract whether to subtract rather than add
	 */
	record Arithmetic(UpdateValue left, UpdateValue right, boolean subtract) implements UpdateValue {

		@Override
		public AttributeValue evaluate(Map<String, AttributeValue> item) {
			AttributeValue a = number(this.left.evaluate(item));
			AttributeValue b = number(this.right.evaluate(item));
			return AttributeValue
				.n(this.subtract ? a.asNumber().subtract(b.asNumber()) : a.asNumber().add(b.asNumber()));
		}

		private static AttributeValue number(AttributeValue value) {
			if (value.type() != AttributeValue.Type.N) {
				throw DynamoDbError.validation(INCORRECT_TYPE);
			}
			return value;
		}

	}

}
