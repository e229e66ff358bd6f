package io.dynamodown.internal.condition;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A condition or filter expression with the placeholders it uses (DynamoDB refuses unused
 * ones).
 *
 * @param expression the expression
 * @param names the attribute name placeholders
 * @param values the attribute value placeholders
 */
public record ConditionExpression(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

}
