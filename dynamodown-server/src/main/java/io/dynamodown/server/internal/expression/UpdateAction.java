package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;

/**
 * One action of an update: {@code SET}, {@code REMOVE}, {@code ADD} or {@code DELETE} at
 * a document path.
 */
sealed interface UpdateAction
		permits UpdateAction.SetAction, UpdateAction.RemoveAction, UpdateAction.AddAction, UpdateAction.DeleteAction {

	/**
	 * DynamoDB's message when a legacy {@code AttributeUpdates} action meets the wrong
	 * type.
	 */
	String LEGACY_MISMATCH = "Type mismatch for attribute to update";

	/**
	 * Returns the path the action changes.
	 * @return the path
	 */
	DocumentPath path();

	/**
	 * Computes what the action needs from the item as it was before the update. DynamoDB
	 * computes every assigned value before it changes anything.
	 * @param before the item before the update
	 * @return the action ready to apply
	 */
	default UpdateAction resolve(Map<String, AttributeValue> before) {
		return this;
	}

	/**
	 * Applies the action.
	 * @param document the item being updated
	 * @throws DynamoDbError if the path or a type does not fit the item
	 */
	void apply(Document document);

	/**
	 * {@code SET path = value}.
	 *
	 * @param path the path
	 * @param value the value
	 */
	record SetAction(DocumentPath path, UpdateValue value) implements UpdateAction {

		@Override
		public UpdateAction resolve(Map<String, AttributeValue> before) {
			return new SetAction(this.path, new UpdateValue.Literal(this.value.evaluate(before)));
		}

		@Override
		public void apply(Document document) {
			document.set(this.path, this.value.evaluate(Map.of()));
		}

	}

	/**
	 * {@code REMOVE path}.
	 *
	 * @param path the path
	 */
	record RemoveAction(DocumentPath path) implements UpdateAction {

		@Override
		public void apply(Document document) {
			document.remove(this.path);
		}

	}

	/**
	 * {@code ADD path value}: adds to a number or to a set (or, for legacy updates,
	 * appends to a list), or sets the value where there is none.
	 *
	 * @param path the path
	 * @param value a number, a set, or for legacy updates a list
	 * @param legacy whether the action comes from {@code AttributeUpdates}
	 */
	record AddAction(DocumentPath path, AttributeValue value, boolean legacy) implements UpdateAction {

		@Override
		public void apply(Document document) {
			AttributeValue existing = document.get(this.path);
			document.set(this.path, (existing != null) ? sum(existing) : this.value);
		}

		private AttributeValue sum(AttributeValue existing) {
			AttributeValue.Type type = existing.type();
			if (type != this.value.type()) {
				throw mismatch(this.legacy);
			}
			if (type == AttributeValue.Type.N) {
				return AttributeValue.n(existing.asNumber().add(this.value.asNumber()));
			}
			if (type.isSet()) {
				return SetValues.union(existing, this.value);
			}
			if (type == AttributeValue.Type.L && this.legacy) {
				List<AttributeValue> elements = new ArrayList<>(existing.asList());
				elements.addAll(this.value.asList());
				return AttributeValue.l(elements);
			}
			throw mismatch(this.legacy);
		}

	}

	/**
	 * {@code DELETE path set}: removes elements from a set, and the set once it is empty.
	 *
	 * @param path the path
	 * @param value the elements to remove
	 * @param legacy whether the action comes from {@code AttributeUpdates}
	 */
	record DeleteAction(DocumentPath path, AttributeValue value, boolean legacy) implements UpdateAction {

		@Override
		public void apply(Document document) {
			AttributeValue existing = document.get(this.path);
			if (existing == null) {
				return;
			}
			if (existing.type() != this.value.type()) {
				throw mismatch(this.legacy);
			}
			AttributeValue left = SetValues.difference(existing, this.value);
			if (left != null) {
				document.set(this.path, left);
			}
			else {
				document.remove(this.path);
			}
		}

	}

	private static DynamoDbError mismatch(boolean legacy) {
		return DynamoDbError.validation(legacy ? LEGACY_MISMATCH : UpdateValue.INCORRECT_TYPE);
	}

}
