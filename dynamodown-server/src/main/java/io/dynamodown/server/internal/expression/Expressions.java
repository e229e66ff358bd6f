package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.validation.AttributeValueCheck;

/**
 * DynamoDB's checks of a request's expressions and of the legacy parameters they replace,
 * and their conversion to conditions, key conditions, updates and projections.
 */
public final class Expressions {

	private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");

	private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

	private Expressions() {
	}

	/**
	 * Checks and converts the expressions of a request (or of one action of
	 * {@code TransactWriteItems} or {@code TransactGetItems}), in DynamoDB's order: the
	 * legacy parameters ({@code AttributeUpdates}, {@code Expected} with
	 * {@code ConditionalOperator}, {@code QueryFilter}, {@code AttributesToGet},
	 * {@code ScanFilter}); {@code ExpressionAttributeNames} and
	 * {@code ExpressionAttributeValues}; the {@code UpdateExpression},
	 * {@code ConditionExpression}, {@code KeyConditionExpression},
	 * {@code FilterExpression} and {@code ProjectionExpression}; the names and values no
	 * expression used; then the key condition.
	 * @param request the request's JSON body, already validated for types and attribute
	 * values
	 * @return the checked expressions
	 * @throws DynamoDbError a {@code ValidationException} with DynamoDB's message for the
	 * first problem found
	 */
	public static ParsedExpressions parse(Map<String, Object> request) {
		Update update = legacy(request, "AttributeUpdates", (json, unused) -> LegacyUpdates.update(json));
		Condition condition = legacy(request, "Expected",
				(json, operator) -> LegacyConditions.condition(LegacyConditions.expected(json), operator));
		Condition filter = legacy(request, "QueryFilter", Expressions::filter);
		Projection projection = attributesToGet(request.get("AttributesToGet"));
		Condition scanFilter = legacy(request, "ScanFilter", Expressions::filter);
		filter = (filter != null) ? filter : scanFilter;
		Placeholders placeholders = placeholders(request);
		update = expression(request, "UpdateExpression", placeholders, UpdateParser::parse, update);
		condition = expression(request, "ConditionExpression", placeholders, ConditionParser::parse, condition);
		ConditionTree keyExpression = expression(request, "KeyConditionExpression", placeholders,
				ConditionParser::parse, null);
		filter = expression(request, "FilterExpression", placeholders, ConditionParser::parse, filter);
		projection = expression(request, "ProjectionExpression", placeholders, ProjectionParser::parse, projection);
		unused("ExpressionAttributeNames", placeholders.unusedNames());
		unused("ExpressionAttributeValues", placeholders.unusedValues());
		KeyCondition keyCondition = keyCondition(request.get("KeyConditions"), keyExpression);
		return new ParsedExpressions(condition, filter, keyCondition, update, projection);
	}

	private static <T> @Nullable T legacy(Map<String, Object> request, String parameter,
			BiFunction<Map<String, Object>, @Nullable Object, T> reader) {
		Object json = request.get(parameter);
		if (json == null || Json.object(json).isEmpty()) {
			return null;
		}
		return reader.apply(Json.object(json), request.get("ConditionalOperator"));
	}

	private static Condition filter(Map<String, Object> json, @Nullable Object conditionalOperator) {
		Map<String, AttributeCondition> conditions = LegacyConditions.conditions(json);
		LegacyConditions.check(conditions);
		return LegacyConditions.condition(conditions, conditionalOperator);
	}

	private static @Nullable Projection attributesToGet(@Nullable Object json) {
		if (json == null) {
			return null;
		}
		List<DocumentPath> paths = new ArrayList<>();
		Set<Object> seen = new HashSet<>();
		for (Object name : (List<?>) json) {
			if (!seen.add(name)) {
				throw DynamoDbError.validation(
						"One or more parameter values were invalid: Duplicate value in attribute name: " + name);
			}
			paths.add(DocumentPath.attribute((String) name));
		}
		return new Projection(paths);
	}

	private static Placeholders placeholders(Map<String, Object> request) {
		Map<String, String> names = new LinkedHashMap<>();
		placeholderKeys(request, "ExpressionAttributeNames", NAME_KEY)
			.forEach((key, name) -> names.put(key, (String) name));
		Map<String, AttributeValue> values = new LinkedHashMap<>();
		// every key's syntax is checked before any value, so a bad key is reported first
		placeholderKeys(request, "ExpressionAttributeValues", VALUE_KEY)
			.forEach((key, value) -> values.put(key, placeholderValue(key, value)));
		return new Placeholders(names, values);
	}

	private static AttributeValue placeholderValue(String key, Object json) {
		String problem = AttributeValueCheck.problem(json);
		if (problem != null) {
			throw DynamoDbError
				.validation("ExpressionAttributeValues contains invalid value: " + problem + " for key " + key);
		}
		return AttributeValue.fromJson(json);
	}

	private static Map<String, Object> placeholderKeys(Map<String, Object> request, String parameter,
			Pattern keySyntax) {
		Object json = request.get(parameter);
		if (json == null) {
			return Map.of();
		}
		Map<String, Object> placeholders = Json.object(json);
		if (placeholders.isEmpty()) {
			throw DynamoDbError.validation(parameter + " must not be empty");
		}
		for (String key : placeholders.keySet()) {
			if (!keySyntax.matcher(key).matches()) {
				throw DynamoDbError.validation(parameter + " contains invalid key: Syntax error; key: \"" + key + "\"");
			}
		}
		return placeholders;
	}

	private static <T> @Nullable T expression(Map<String, Object> request, String parameter, Placeholders placeholders,
			BiFunction<String, Placeholders, T> parser, @Nullable T otherwise) {
		Object text = request.get(parameter);
		if (text == null) {
			return otherwise;
		}
		try {
			if (((String) text).isEmpty()) {
				throw new InvalidExpression("The expression can not be empty;");
			}
			return parser.apply((String) text, placeholders);
		}
		catch (InvalidExpression ex) {
			throw DynamoDbError.validation("Invalid " + parameter + ": " + ex.getMessage());
		}
	}

	private static void unused(String parameter, List<String> keys) {
		if (!keys.isEmpty()) {
			throw DynamoDbError.validation("Value provided in " + parameter + " unused in expressions: keys: {"
					+ String.join(", ", keys) + "}");
		}
	}

	private static @Nullable KeyCondition keyCondition(@Nullable Object legacy, @Nullable ConditionTree expression) {
		Map<String, AttributeCondition> conditions;
		if (expression != null) {
			conditions = KeyConditionConverter.convert(expression.root());
		}
		else if (legacy != null) {
			conditions = LegacyConditions.conditions(Json.object(legacy));
		}
		else {
			return null;
		}
		LegacyConditions.check(conditions);
		if (conditions.size() != 1 && conditions.size() != 2) {
			throw DynamoDbError.validation("Conditions can be of length 1 or 2 only");
		}
		return new KeyCondition(conditions);
	}

}
