package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;

/**
 * A checked update (an {@code UpdateExpression} or {@code AttributeUpdates}) that changes
 * items as DynamoDB does.
 */
public final class Update {

	private final List<UpdateAction> actions;

	private final Set<String> nestedAttributes;

	private final Map<String, AttributeValue.Type> assignedTypes;

	Update(List<UpdateAction> actions, Set<String> nestedAttributes, Map<String, AttributeValue.Type> assignedTypes) {
		this.actions = List.copyOf(actions);
		this.nestedAttributes = Collections.unmodifiableSet(new LinkedHashSet<>(nestedAttributes));
		this.assignedTypes = Collections.unmodifiableMap(new LinkedHashMap<>(assignedTypes));
	}

	/**
	 * Applies the update to a copy of an item. Every assigned value is computed from the
	 * item as it was before the update, and every list index refers to the lists as they
	 * were: removed elements close up and elements set past the end of a list are
	 * appended, in index order.
	 * @param item the item, empty when there is none (it is not changed)
	 * @return the updated item
	 * @throws DynamoDbError a {@code ValidationException} with DynamoDB's message when an
	 * operand is missing or has the wrong type, or a document path does not fit the item
	 */
	public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
		List<UpdateAction> resolved = new ArrayList<>();
		for (UpdateAction action : this.actions) {
			resolved.add(action.resolve(item));
		}
		Document document = new Document(item);
		for (UpdateAction action : resolved) {
			action.apply(document);
		}
		return document.toItem();
	}

	/**
	 * Returns the top-level attributes the update changes (or may change).
	 * @return the attribute names, in the order of the update
	 */
	public Set<String> topLevelAttributes() {
		Set<String> attributes = new LinkedHashSet<>();
		this.actions.forEach((action) -> attributes.add(action.path().head()));
		return Collections.unmodifiableSet(attributes);
	}

	/**
	 * Returns the document paths the update changes, as a projection: what DynamoDB
	 * returns for {@code UPDATED_OLD} and {@code UPDATED_NEW}.
	 * @return the projection of the changed paths
	 */
	public Projection updatedPaths() {
		List<DocumentPath> paths = new ArrayList<>();
		this.actions.forEach((action) -> paths.add(action.path()));
		return new Projection(paths);
	}

	/**
	 * Throws DynamoDB's error if the update changes a key attribute, even only a nested
	 * part of it.
	 * @param keyAttributeNames the table's key attributes, hash key first
	 * @throws DynamoDbError a {@code ValidationException} naming the first key attribute
	 * changed
	 */
	public void checkKeyAttributes(Set<String> keyAttributeNames) {
		Set<String> changed = topLevelAttributes();
		for (String key : keyAttributeNames) {
			if (changed.contains(key)) {
				throw DynamoDbError.validation("One or more parameter values were invalid: Cannot update attribute "
						+ key + ". This attribute is part of the key");
			}
		}
	}

	/**
	 * Returns the top-level attributes of which the update names a nested part (as a
	 * target or an operand), for DynamoDB's check that key attributes are not used as
	 * maps or lists.
	 * @return the attribute names
	 */
	public Set<String> nestedTopLevelAttributes() {
		return this.nestedAttributes;
	}

	/**
	 * Returns the type each top-level attribute will have after the update, where the
	 * update alone tells it (a {@code SET} of a value, an arithmetic result or a list; an
	 * {@code ADD} or {@code DELETE}), for DynamoDB's check of index key types.
	 * @return the types by attribute name
	 */
	public Map<String, AttributeValue.Type> assignedTypes() {
		return this.assignedTypes;
	}

}
