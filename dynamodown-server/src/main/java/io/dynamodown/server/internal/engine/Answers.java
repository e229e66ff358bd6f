package io.dynamodown.server.internal.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.expression.Condition;
import io.dynamodown.server.internal.model.AttributeValue;

/**
 * Pieces of answers shared by the item operations: conditions that fail with DynamoDB's
 * error, and the members an answer carries only when asked for.
 */
final class Answers {

	private Answers() {
	}

	/**
	 * Evaluates a write's condition on the current item.
	 * @param condition the condition, or {@code null}
	 * @param current the item, or {@code null} if absent
	 * @param request the request, for {@code ReturnValuesOnConditionCheckFailure}
	 * @throws DynamoDbError {@code ConditionalCheckFailedException} when it is false,
	 * with the item when the request asked for it
	 */
	static void checkCondition(@Nullable Condition condition, @Nullable Map<String, AttributeValue> current,
			Map<String, Object> request) {
		if (condition == null || condition.test((current != null) ? current : Map.of())) {
			return;
		}
		DynamoDbError error = DynamoDbError.conditionalCheckFailed("The conditional request failed");
		if (current != null && "ALL_OLD".equals(request.get("ReturnValuesOnConditionCheckFailure"))) {
			error.with("Item", AttributeValue.mapToJson(current));
		}
		throw error;
	}

	/**
	 * Starts an answer with a member when it has a value.
	 * @param answer the answer
	 * @param member the member name
	 * @param value the value, or {@code null} to leave the member out
	 * @return the answer
	 */
	static Map<String, Object> putIfPresent(Map<String, Object> answer, String member, @Nullable Object value) {
		if (value != null) {
			answer.put(member, value);
		}
		return answer;
	}

	/**
	 * Returns a new, empty answer.
	 * @return the answer
	 */
	static Map<String, Object> answer() {
		return new LinkedHashMap<>();
	}

}
