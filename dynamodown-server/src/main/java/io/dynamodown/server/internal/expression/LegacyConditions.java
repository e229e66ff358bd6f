package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.expression.Comparison.Comparator;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.AttributeValue.Type;

/**
 * The legacy condition parameters ({@code Expected}, {@code QueryFilter},
 * {@code ScanFilter}, {@code KeyConditions}): their checks, with DynamoDB's messages, and
 * their conversion to conditions.
 */
final class LegacyConditions {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final Set<Type> SCALARS = Set.of(Type.S, Type.N, Type.B);

	private static final Set<Type> EQUALITY_TYPES = Set.of(Type.S, Type.N, Type.B, Type.SS, Type.NS, Type.BS);

	private LegacyConditions() {
	}

	/**
	 * Reads {@code QueryFilter}, {@code ScanFilter} or {@code KeyConditions}: attribute
	 * names to {@code ComparisonOperator} and {@code AttributeValueList}.
	 */
	static Map<String, AttributeCondition> conditions(Map<String, Object> json) {
		Map<String, AttributeCondition> conditions = new LinkedHashMap<>();
		json.forEach((attribute, condition) -> {
			Map<String, Object> members = Json.object(condition);
			Object operator = members.get("ComparisonOperator");
			conditions.put(attribute, new AttributeCondition((operator != null) ? (String) operator : "EQ",
					values(members.get("AttributeValueList"))));
		});
		return conditions;
	}

	/**
	 * Checks conditions as DynamoDB checks {@code QueryFilter}, {@code ScanFilter} and
	 * {@code KeyConditions}: the number of values, their types, the order of
	 * {@code BETWEEN}'s bounds.
	 */
	static void check(Map<String, AttributeCondition> conditions) {
		conditions.forEach((attribute, condition) -> {
			String operator = condition.operator();
			List<AttributeValue> values = condition.values();
			if (!validCount(operator, values.size())) {
				throw invalidCount(operator);
			}
			checkSameType(values);
			Set<Type> types = allowedTypes(operator);
			for (AttributeValue value : values) {
				if (types != null && !types.contains(value.type())) {
					throw DynamoDbError.validation(INVALID + "ComparisonOperator " + operator + " is not valid for "
							+ value.type() + " AttributeValue type");
				}
			}
			checkBetween(operator, values);
		});
	}

	/**
	 * Checks {@code Expected} as DynamoDB does and returns its conditions.
	 */
	static Map<String, AttributeCondition> expected(Map<String, Object> json) {
		Map<String, AttributeCondition> conditions = new LinkedHashMap<>();
		json.forEach((attribute, condition) -> conditions.put(attribute, expected(attribute, Json.object(condition))));
		return conditions;
	}

	private static AttributeCondition expected(String attribute, Map<String, Object> condition) {
		Object valueList = condition.get("AttributeValueList");
		Object value = condition.get("Value");
		Object exists = condition.get("Exists");
		Object operator = condition.get("ComparisonOperator");
		if (valueList != null && value != null) {
			throw DynamoDbError.validation(
					INVALID + "Value and AttributeValueList cannot be used together for Attribute: " + attribute);
		}
		if (operator != null) {
			return expectedComparison(attribute, (String) operator, exists, valueList, value);
		}
		if (valueList != null) {
			throw DynamoDbError.validation(INVALID
					+ "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + attribute);
		}
		boolean mustExist = exists == null || (Boolean) exists;
		if (mustExist && value == null) {
			throw DynamoDbError.validation(INVALID + "Value must be provided when Exists is "
					+ ((exists == null) ? "null" : exists) + " for Attribute: " + attribute);
		}
		if (!mustExist && value != null) {
			throw DynamoDbError
				.validation(INVALID + "Value cannot be used when Exists is false for Attribute: " + attribute);
		}
		if (value == null) {
			return new AttributeCondition("NULL", List.of());
		}
		return new AttributeCondition("EQ", List.of(AttributeValue.fromJson(value)));
	}

	private static AttributeCondition expectedComparison(String attribute, String operator, @Nullable Object exists,
			@Nullable Object valueList, @Nullable Object value) {
		if (exists != null) {
			throw DynamoDbError.validation(
					INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: " + attribute);
		}
		boolean withoutValues = operator.equals("NULL") || operator.equals("NOT_NULL");
		if (!withoutValues && valueList == null && value == null) {
			throw DynamoDbError
				.validation(INVALID + "Value or AttributeValueList must be used with ComparisonOperator: " + operator
						+ " for Attribute: " + attribute);
		}
		List<AttributeValue> values = (value != null) ? List.of(AttributeValue.fromJson(value)) : values(valueList);
		if (!validCount(operator, values.size())) {
			throw invalidCount(operator);
		}
		checkSameType(values);
		checkBetween(operator, values);
		return new AttributeCondition(operator, values);
	}

	/**
	 * Returns the condition all (with {@code AND}) or one (with {@code OR}) of the
	 * attribute conditions make.
	 */
	static ConditionTree condition(Map<String, AttributeCondition> conditions, @Nullable Object conditionalOperator) {
		List<ConditionNode> parts = new ArrayList<>();
		conditions.forEach((attribute, condition) -> parts.add(node(attribute, condition)));
		return new ConditionTree(new Logical(!"OR".equals(conditionalOperator), parts), conditions.keySet(), Set.of());
	}

	private static ConditionNode node(String attribute, AttributeCondition condition) {
		DocumentPath path = DocumentPath.attribute(attribute);
		List<Operand> values = new ArrayList<>();
		condition.values().forEach((value) -> values.add(new ValueOperand(value)));
		switch (condition.operator()) {
			case "NULL":
				return new Predicate(Predicate.Function.ATTRIBUTE_NOT_EXISTS, List.of(path));
			case "NOT_NULL":
				return new Predicate(Predicate.Function.ATTRIBUTE_EXISTS, List.of(path));
			case "CONTAINS":
				return new Predicate(Predicate.Function.CONTAINS, List.of(path, values.get(0)));
			case "NOT_CONTAINS":
				return new Negation(new Predicate(Predicate.Function.CONTAINS, List.of(path, values.get(0))));
			case "BEGINS_WITH":
				return new Predicate(Predicate.Function.BEGINS_WITH, List.of(path, values.get(0)));
			case "IN":
				return new In(path, values);
			case "BETWEEN":
				return new Between(path, values.get(0), values.get(1));
			default:
				return new Comparison(Comparator.valueOf(condition.operator()), path, values.get(0));
		}
	}

	private static @Nullable Set<Type> allowedTypes(String operator) {
		switch (operator) {
			case "EQ":
			case "NE":
				return EQUALITY_TYPES;
			case "BEGINS_WITH":
				return Set.of(Type.S, Type.B);
			case "NULL":
			case "NOT_NULL":
				return null;
			default:
				return SCALARS;
		}
	}

	private static boolean validCount(String operator, int count) {
		switch (operator) {
			case "NULL":
			case "NOT_NULL":
				return count == 0;
			case "IN":
				return count > 0;
			case "BETWEEN":
				return count == 2;
			default:
				return count == 1;
		}
	}

	private static DynamoDbError invalidCount(String operator) {
		return DynamoDbError
			.validation(INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator");
	}

	private static void checkSameType(List<AttributeValue> values) {
		for (AttributeValue value : values) {
			if (value.type() != values.get(0).type()) {
				throw DynamoDbError
					.validation(INVALID + "AttributeValues inside AttributeValueList must be of same type");
			}
		}
	}

	private static void checkBetween(String operator, List<AttributeValue> values) {
		if (operator.equals("BETWEEN") && values.size() == 2 && Values.ordered(values.get(0), values.get(1))
				&& values.get(0).compareTo(values.get(1)) > 0) {
			throw DynamoDbError.validation(
					"The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
		}
	}

	private static List<AttributeValue> values(@Nullable Object json) {
		List<AttributeValue> values = new ArrayList<>();
		if (json != null) {
			((List<?>) json).forEach((value) -> values.add(AttributeValue.fromJson(value)));
		}
		return values;
	}

}
