package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.AttributeValue.Type;

/**
 * The legacy {@code AttributeUpdates} parameter: its checks, with DynamoDB's messages,
 * and its conversion to an update. {@code PUT} sets a value, {@code DELETE} removes an
 * attribute or elements of a set, {@code ADD} adds to a number or set or appends to a
 * list.
 */
final class LegacyUpdates {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final Set<Type> ADDABLE = Set.of(Type.L, Type.SS, Type.NS, Type.BS, Type.N);

	private LegacyUpdates() {
	}

	static Update update(Map<String, Object> json) {
		List<UpdateAction> actions = new ArrayList<>();
		Map<String, Type> types = new LinkedHashMap<>();
		json.forEach((attribute, update) -> {
			Map<String, Object> members = Json.object(update);
			Object action = members.get("Action");
			Object valueJson = members.get("Value");
			AttributeValue value = (valueJson != null) ? AttributeValue.fromJson(valueJson) : null;
			DocumentPath path = DocumentPath.attribute(attribute);
			if (value == null) {
				if (!"DELETE".equals(action)) {
					throw DynamoDbError
						.validation(INVALID + "Only DELETE action is allowed when no attribute value is specified");
				}
				actions.add(new UpdateAction.RemoveAction(path));
				return;
			}
			types.put(attribute, value.type());
			if ("DELETE".equals(action)) {
				if (!value.type().isSet()) {
					throw DynamoDbError
						.validation(INVALID + "DELETE action with value is not supported for the type " + value.type());
				}
				actions.add(new UpdateAction.DeleteAction(path, value, true));
			}
			else if ("ADD".equals(action)) {
				if (!ADDABLE.contains(value.type())) {
					throw DynamoDbError
						.validation(INVALID + "ADD action is not supported for the type " + value.type());
				}
				actions.add(new UpdateAction.AddAction(path, value, true));
			}
			else {
				actions.add(new UpdateAction.SetAction(path, new UpdateValue.Literal(value)));
			}
		});
		return new Update(actions, Set.of(), types);
	}

}
