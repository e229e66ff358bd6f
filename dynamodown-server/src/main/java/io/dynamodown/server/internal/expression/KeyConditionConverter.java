package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.expression.Comparison.Comparator;
import io.dynamodown.server.internal.model.AttributeValue;

/**
 * Turns a parsed key condition expression into conditions on attributes, with DynamoDB's
 * messages for what a key condition cannot hold: only {@code AND}, and on each side one
 * top-level attribute compared with values by {@code =}, {@code <}, {@code <=},
 * {@code >}, {@code >=}, {@code BETWEEN} or {@code begins_with}.
 */
final class KeyConditionConverter {

	private final Map<String, AttributeCondition> conditions = new LinkedHashMap<>();

	private KeyConditionConverter() {
	}

	static Map<String, AttributeCondition> convert(ConditionNode root) {
		KeyConditionConverter converter = new KeyConditionConverter();
		converter.node(root);
		return converter.conditions;
	}

	private void node(ConditionNode node) {
		if (node instanceof Logical) {
			if (!((Logical) node).and()) {
				throw invalidOperator("OR");
			}
			((Logical) node).parts().forEach(this::node);
		}
		else if (node instanceof Negation) {
			throw invalidOperator("NOT");
		}
		else if (node instanceof In) {
			throw invalidOperator("IN");
		}
		else if (node instanceof Comparison) {
			Comparison comparison = (Comparison) node;
			if (comparison.comparator() == Comparator.NE) {
				throw invalidOperator("<>");
			}
			condition(comparison.comparator().name(), List.of(comparison.left(), comparison.right()));
		}
		else if (node instanceof Between) {
			Between between = (Between) node;
			requireKeyFirst("BETWEEN", between.operand());
			condition("BETWEEN", List.of(between.operand(), between.low(), between.high()));
		}
		else {
			Predicate predicate = (Predicate) node;
			if (predicate.function() != Predicate.Function.BEGINS_WITH) {
				throw invalidOperator(predicate.function().functionName());
			}
			requireKeyFirst("begins_with", predicate.arguments().get(0));
			condition("BEGINS_WITH", predicate.arguments());
		}
	}

	private static void requireKeyFirst(String operator, Operand first) {
		if (!(first instanceof DocumentPath)) {
			throw DynamoDbError.validation("Invalid condition in KeyConditionExpression: " + operator
					+ " operator must have the key attribute as its first operand");
		}
	}

	private void condition(String operator, List<Operand> operands) {
		String attribute = null;
		int position = 0;
		List<AttributeValue> values = new ArrayList<>();
		for (int i = 0; i < operands.size(); i++) {
			Operand operand = operands.get(i);
			if (operand instanceof DocumentPath) {
				attribute = keyAttribute(attribute, (DocumentPath) operand);
				position = i;
			}
			else if (operand instanceof SizeOperand) {
				throw DynamoDbError.validation("KeyConditionExpressions cannot contain nested operations");
			}
			else {
				values.add(((ValueOperand) operand).value());
			}
		}
		if (attribute == null) {
			throw DynamoDbError.validation("Invalid condition in KeyConditionExpression: No key attribute specified");
		}
		if (this.conditions.containsKey(attribute)) {
			throw DynamoDbError.validation("KeyConditionExpressions must only contain one condition per key");
		}
		// "value < key" is "key > value".
		String normalized = (position == 0) ? operator : Comparator.valueOf(operator).swapped().name();
		this.conditions.put(attribute, new AttributeCondition(normalized, values));
	}

	private static String keyAttribute(@Nullable String earlier, DocumentPath path) {
		if (earlier != null) {
			throw DynamoDbError.validation(
					"Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
		}
		if (path.isNested()) {
			throw DynamoDbError.validation("KeyConditionExpressions cannot have conditions on nested attributes");
		}
		return path.head();
	}

	private static DynamoDbError invalidOperator(String operator) {
		return DynamoDbError.validation("Invalid operator used in KeyConditionExpression: " + operator);
	}

}
