package io.dynamodown.server.internal.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.model.AttributeValue;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB's checks of the legacy condition parameters: {@code Expected} of the write
 * operations and {@code KeyConditions}, {@code QueryFilter} and {@code ScanFilter}:
 * operand counts per comparison operator, operand types, and {@code BETWEEN} bounds.
 */
final class LegacyConditions {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final Set<String> ONE_OPERAND = Set.of("EQ", "NE", "LE", "LT", "GE", "GT", "CONTAINS",
			"NOT_CONTAINS", "BEGINS_WITH");

	private static final Set<String> NO_OPERAND = Set.of("NULL", "NOT_NULL");

	private static final Set<String> SCALARS_AND_SETS = Set.of("S", "N", "B", "SS", "NS", "BS");

	private static final Set<String> SCALARS = Set.of("S", "N", "B");

	private static final Set<String> PREFIXABLE = Set.of("S", "B");

	private LegacyConditions() {
	}

	/**
	 * Checks the {@code Expected} member of a write request.
	 * @param expected the type-checked {@code Expected} map, or {@code null}
	 * @return DynamoDB's message for the first problem, or {@code null}
	 */
	@SuppressWarnings("unchecked")
	static @Nullable String expectedProblem(@Nullable Object expected) {
		if (!(expected instanceof Map<?, ?> map)) {
			return null;
		}
		for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
			Map<String, Object> condition = (entry.getValue() instanceof Map) ? (Map<String, Object>) entry.getValue()
					: Map.of();
			String problem = expectedConditionProblem(entry.getKey(), condition);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable String expectedConditionProblem(String attribute, Map<String, Object> condition) {
		Object list = condition.get("AttributeValueList");
		Object value = condition.get("Value");
		Object operator = condition.get("ComparisonOperator");
		if (list != null && value != null) {
			return INVALID + "Value and AttributeValueList cannot be used together for Attribute: " + attribute;
		}
		if (operator != null) {
			if (condition.containsKey("Exists")) {
				return INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: " + attribute;
			}
			if (!NO_OPERAND.contains(operator) && list == null && value == null) {
				return INVALID + "Value or AttributeValueList must be used with ComparisonOperator: " + operator
						+ " for Attribute: " + attribute;
			}
			int count = (list != null) ? ((List<Object>) list).size() : ((value != null) ? 1 : 0);
			if (!validCount((String) operator, count)) {
				return INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator";
			}
			return (list != null) ? sameTypeProblem((String) operator, (List<Object>) list) : null;
		}
		if (list != null) {
			return INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: "
					+ attribute;
		}
		Object exists = condition.get("Exists");
		boolean mustExist = exists == null || Boolean.TRUE.equals(exists);
		if (mustExist && value == null) {
			return INVALID + "Value must be provided when Exists is " + exists + " for Attribute: " + attribute;
		}
		if (!mustExist && value != null) {
			return INVALID + "Value cannot be used when Exists is false for Attribute: " + attribute;
		}
		return (value != null) ? AttributeValueCheck.problem(value) : null;
	}

	private static @Nullable String sameTypeProblem(String operator, List<Object> list) {
		if (list.isEmpty()) {
			return null;
		}
		String type = firstType(list.get(0));
		for (Object operand : list) {
			if (!java.util.Objects.equals(firstType(operand), type)) {
				return INVALID + "AttributeValues inside AttributeValueList must be of same type";
			}
		}
		if (operator.equals("BETWEEN") && list.size() == 2 && isDescending(list.get(0), list.get(1))) {
			return "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound";
		}
		return null;
	}

	/**
	 * Checks a map of conditions ({@code KeyConditions}, {@code QueryFilter} or
	 * {@code ScanFilter}) whose comparison operators are present.
	 * @param conditions the type-checked conditions, or {@code null}
	 * @return DynamoDB's message for the first problem, or {@code null}
	 */
	@SuppressWarnings("unchecked")
	static @Nullable String conditionsProblem(@Nullable Object conditions) {
		if (!(conditions instanceof Map<?, ?> map)) {
			return null;
		}
		for (Object value : map.values()) {
			Map<String, Object> condition = (value instanceof Map) ? (Map<String, Object>) value : Map.of();
			String problem = conditionProblem(condition);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable String conditionProblem(Map<String, Object> condition) {
		String operator = String.valueOf(condition.get("ComparisonOperator"));
		Object listValue = condition.get("AttributeValueList");
		List<Object> list = (listValue != null) ? (List<Object>) listValue : List.of();
		for (Object operand : list) {
			String problem = AttributeValueCheck.problem(operand);
			if (problem != null) {
				return problem;
			}
		}
		if (!validCount(operator, list.size())) {
			return INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator";
		}
		if (!list.isEmpty()) {
			String type = firstType(list.get(0));
			for (Object operand : list) {
				if (!java.util.Objects.equals(firstType(operand), type)) {
					return INVALID + "AttributeValues inside AttributeValueList must be of same type";
				}
			}
		}
		Set<String> allowed = allowedTypes(operator);
		for (Object operand : list) {
			String type = firstType(operand);
			if (allowed != null && !allowed.contains(type)) {
				return INVALID + "ComparisonOperator " + operator + " is not valid for " + type
						+ " AttributeValue type";
			}
		}
		if (operator.equals("BETWEEN") && isDescending(list.get(0), list.get(1))) {
			return "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound";
		}
		return null;
	}

	private static boolean validCount(String operator, int count) {
		if (ONE_OPERAND.contains(operator)) {
			return count == 1;
		}
		if (NO_OPERAND.contains(operator)) {
			return count == 0;
		}
		if (operator.equals("IN")) {
			return count > 0;
		}
		return operator.equals("BETWEEN") && count == 2;
	}

	private static @Nullable Set<String> allowedTypes(String operator) {
		if (NO_OPERAND.contains(operator)) {
			return null;
		}
		if (operator.equals("EQ") || operator.equals("NE")) {
			return SCALARS_AND_SETS;
		}
		return operator.equals("BEGINS_WITH") ? PREFIXABLE : SCALARS;
	}

	private static @Nullable String firstType(@Nullable Object operand) {
		if (operand instanceof Map<?, ?> map && !map.isEmpty()) {
			return String.valueOf(map.keySet().iterator().next());
		}
		return null;
	}

	/**
	 * Returns whether a lower bound is greater than an upper bound; bounds that are not
	 * valid scalars of one type are not compared.
	 */
	private static boolean isDescending(@Nullable Object lower, @Nullable Object upper) {
		String type = firstType(lower);
		if (lower == null || upper == null || type == null || !SCALARS.contains(type) || !type.equals(firstType(upper))
				|| AttributeValueCheck.problem(lower) != null || AttributeValueCheck.problem(upper) != null) {
			return false;
		}
		return AttributeValue.fromJson(lower).compareTo(AttributeValue.fromJson(upper)) > 0;
	}

}
