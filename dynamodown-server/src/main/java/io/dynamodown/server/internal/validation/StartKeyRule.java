package io.dynamodown.server.internal.validation;

import java.util.regex.Pattern;

import io.dynamodown.server.internal.error.DynamoDbError;
import org.jspecify.annotations.Nullable;

/**
 * The check of an {@code ExclusiveStartKey}'s values. DynamoDB prefixes most problems
 * with "The provided starting key is invalid: ", but not those about numbers, number sets
 * and duplicates.
 */
final class StartKeyRule {

	private static final Pattern UNPREFIXED = Pattern
		.compile("contains duplicates|number set|numeric value|significant digits|number with magnitude");

	private StartKeyRule() {
	}

	/**
	 * Checks the values of a start key.
	 * @param startKey the type-checked start key, or {@code null}
	 */
	static void check(@Nullable Object startKey) {
		String problem = Checks.attributesProblem(startKey);
		if (problem != null) {
			boolean prefixed = !UNPREFIXED.matcher(problem).find();
			throw DynamoDbError.validation(prefixed ? "The provided starting key is invalid: " + problem : problem);
		}
	}

}
