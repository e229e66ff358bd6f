package io.dynamodown.server.internal.expression;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;

/**
 * A query's checked key condition (a {@code KeyConditionExpression} or
 * {@code KeyConditions}): one or two conditions on attributes, which
 * {@link #plan(String, AttributeValue.Type, String, AttributeValue.Type)} matches with a
 * key schema.
 */
public final class KeyCondition {

	private static final Set<String> NOT_INDEXABLE = Set.of("NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN");

	private final Map<String, AttributeCondition> conditions;

	KeyCondition(Map<String, AttributeCondition> conditions) {
		this.conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
	}

	/**
	 * Returns the attributes the key condition is on.
	 * @return the attribute names
	 */
	public Set<String> attributes() {
		return this.conditions.keySet();
	}

	/**
	 * Checks the key condition against the key schema of a table or index, as DynamoDB
	 * does, and returns what the query reads.
	 * @param hashName the partition key's name
	 * @param hashType the partition key's type
	 * @param rangeName the sort key's name, or {@code null} if there is none
	 * @param rangeType the sort key's type, or {@code null} if there is none
	 * @return the partition and the sort key condition
	 * @throws DynamoDbError a {@code ValidationException} with DynamoDB's message when
	 * the condition misses the partition key, is on other attributes, uses an operator
	 * the key does not support or values of another type than the key's
	 */
	public KeyRange plan(String hashName, AttributeValue.Type hashType, @Nullable String rangeName,
			AttributeValue.@Nullable Type rangeType) {
		return plan(hashName, hashType, rangeName, rangeType, (name) -> {
		});
	}

	/**
	 * Checks the key condition against the key schema of a table or index as
	 * {@link #plan(String, AttributeValue.Type, String, AttributeValue.Type)} does,
	 * running another check of each key attribute (partition key, then sort key) just
	 * before its condition is checked: DynamoDB checks a query's start key attribute by
	 * attribute, in step with the key condition.
	 * @param hashName the partition key's name
	 * @param hashType the partition key's type
	 * @param rangeName the sort key's name, or {@code null} if there is none
	 * @param rangeType the sort key's type, or {@code null} if there is none
	 * @param beforeEach the check to run with each key attribute's name
	 * @return the partition and the sort key condition
	 * @throws DynamoDbError what {@code beforeEach} throws, or a
	 * {@code ValidationException} as the other variant does
	 */
	public KeyRange plan(String hashName, AttributeValue.Type hashType, @Nullable String rangeName,
			AttributeValue.@Nullable Type rangeType, Consumer<String> beforeEach) {
		beforeEach.accept(hashName);
		AttributeCondition hash = check(hashName, hashType, true, rangeName == null);
		if (hash == null) {
			throw new IllegalStateException("A missing hash key condition passed the check");
		}
		AttributeCondition range = null;
		if (rangeName != null && rangeType != null) {
			beforeEach.accept(rangeName);
			range = check(rangeName, rangeType, false, false);
		}
		if (range == null) {
			return new KeyRange(hash.values().get(0), null);
		}
		RangeCondition.Operator operator = RangeCondition.Operator.valueOf(range.operator());
		return new KeyRange(hash.values().get(0), new RangeCondition(operator, range.values()));
	}

	private @Nullable AttributeCondition check(String name, AttributeValue.Type type, boolean hash, boolean hashOnly) {
		if (hash && hashOnly && this.conditions.size() > 1) {
			throw DynamoDbError.validation("Query key condition not supported");
		}
		AttributeCondition condition = this.conditions.get(name);
		if (condition == null) {
			if (hash || this.conditions.size() > 1) {
				throw DynamoDbError.validation("Query condition missed key schema element: " + name);
			}
			return null;
		}
		if (NOT_INDEXABLE.contains(condition.operator())) {
			throw DynamoDbError.validation("Attempted conditional constraint is not an indexable operation");
		}
		for (AttributeValue value : condition.values()) {
			if (value.type() != type) {
				throw DynamoDbError.validation(
						"One or more parameter values were invalid: Condition parameter type does not match schema type");
			}
		}
		if (hash && !condition.operator().equals("EQ")) {
			throw DynamoDbError.validation("Query key condition not supported");
		}
		return condition;
	}

}
