package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * DynamoDB's rule that a request uses either expressions or their legacy parameters, and
 * that expression attribute names and values come only with expressions.
 */
final class ExpressionParameters {

	private ExpressionParameters() {
	}

	/**
	 * Checks the mix of expression and legacy parameters of a request.
	 * @param data the type-checked request or action
	 * @param expressions the operation's expression members, in DynamoDB's order
	 * @param legacy the operation's legacy members, in DynamoDB's order
	 * @return DynamoDB's message, or {@code null}
	 */
	static @Nullable String problem(Map<String, Object> data, List<String> expressions, List<String> legacy) {
		List<String> usedExpressions = present(data, expressions);
		if (!usedExpressions.isEmpty()) {
			List<String> usedLegacy = present(data, legacy);
			// KeyConditions with only other expressions is reported later, as a missing
			// key condition.
			if (data.get("KeyConditionExpression") == null) {
				usedLegacy.remove("KeyConditions");
			}
			if (!usedLegacy.isEmpty()) {
				return "Can not use both expression and non-expression parameters in the same request: "
						+ "Non-expression parameters: {" + String.join(", ", usedLegacy) + "} "
						+ "Expression parameters: {" + String.join(", ", usedExpressions) + "}";
			}
		}
		if (data.get("ExpressionAttributeNames") != null && usedExpressions.isEmpty()) {
			return "ExpressionAttributeNames can only be specified when using expressions";
		}
		List<String> valueExpressions = new ArrayList<>(expressions);
		valueExpressions.remove("ProjectionExpression");
		if (!valueExpressions.isEmpty() && data.get("ExpressionAttributeValues") != null
				&& present(data, valueExpressions).isEmpty()) {
			return "ExpressionAttributeValues can only be specified when using expressions: "
					+ String.join(" and ", valueExpressions) + " " + ((valueExpressions.size() > 1) ? "are" : "is")
					+ " null";
		}
		return null;
	}

	private static List<String> present(Map<String, Object> data, List<String> names) {
		List<String> present = new ArrayList<>();
		for (String name : names) {
			if (data.get(name) != null) {
				present.add(name);
			}
		}
		return present;
	}

}
