package io.dynamodown.server.internal.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * {@code UpdateItem}: a key, legacy {@code AttributeUpdates} whose actions suit their
 * values, and either legacy parameters or expressions.
 */
final class UpdateItemRules implements OperationRules {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final Set<String> DELETABLE = Set.of("SS", "NS", "BS");

	private static final Set<String> ADDABLE = Set.of("L", "SS", "NS", "BS", "N");

	private static final Shape REQUEST = Shape.struct("UpdateItemInput")
		.with("ReturnConsumedCapacity", Members.returnConsumedCapacity())
		.with("TableName", Members.tableName())
		.with("ReturnItemCollectionMetrics", Members.returnItemCollectionMetrics())
		.with("ReturnValues", Members.returnValues())
		.with("ReturnValuesOnConditionCheckFailure", Members.returnValuesOnConditionCheckFailure())
		.with("Key", Members.attributes().notNull())
		.with("ConditionalOperator", Members.conditionalOperator())
		.with("Expected", Members.expected())
		.with("AttributeUpdates",
				Shape.map("AttributeValueUpdate",
						Shape.struct("AttributeValueUpdate")
							.with("Action", Shape.string().oneOf("ADD", "PUT", "DELETE"))
							.with("Value", Shape.attributeField())))
		.with("ConditionExpression", Shape.string())
		.with("UpdateExpression", Shape.string())
		.with("ExpressionAttributeValues", Members.expressionAttributeValues())
		.with("ExpressionAttributeNames", Members.expressionAttributeNames());

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		Checks.expressionParameters(data, List.of("UpdateExpression", "ConditionExpression"),
				List.of("AttributeUpdates", "Expected"));
		Checks.attributes(data.get("Key"));
		if (data.get("AttributeUpdates") instanceof Map<?, ?> updates) {
			for (Object update : updates.values()) {
				Checks.fail(updateProblem((update instanceof Map<?, ?> map) ? map : Map.of()));
			}
		}
		Checks.fail(LegacyConditions.expectedProblem(data.get("Expected")));
		expressions.check(data);
	}

	private static @Nullable String updateProblem(Map<?, ?> update) {
		Object value = update.get("Value");
		Object action = update.get("Action");
		if (value == null) {
			return "DELETE".equals(action) ? null
					: INVALID + "Only DELETE action is allowed when no attribute value is specified";
		}
		String problem = AttributeValueCheck.problem(value);
		if (problem != null) {
			return problem;
		}
		String type = String.valueOf(((Map<?, ?>) value).keySet().iterator().next());
		if ("DELETE".equals(action) && !DELETABLE.contains(type)) {
			return INVALID + "DELETE action with value is not supported for the type " + type;
		}
		if ("ADD".equals(action) && !ADDABLE.contains(type)) {
			return INVALID + "ADD action is not supported for the type " + type;
		}
		return null;
	}

}
