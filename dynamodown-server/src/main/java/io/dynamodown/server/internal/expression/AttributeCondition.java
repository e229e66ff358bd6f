package io.dynamodown.server.internal.expression;

import java.util.List;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * A condition on one top-level attribute in the legacy form: a comparison operator
 * ({@code EQ}, {@code NE}, {@code LE}, {@code LT}, {@code GE}, {@code GT},
 * {@code NOT_NULL}, {@code NULL}, {@code CONTAINS}, {@code NOT_CONTAINS},
 * {@code BEGINS_WITH}, {@code IN}, {@code BETWEEN}) and its values. Key conditions take
 * this form, whether they were written as an expression or not.
 *
 * @param operator the comparison operator
 * @param values its values
 */
record AttributeCondition(String operator, List<AttributeValue> values) {

	AttributeCondition {
		values = List.copyOf(values);
	}

}
