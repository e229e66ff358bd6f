package io.dynamodown.server.internal.validation;

import io.dynamodown.server.internal.error.DynamoDbError;
import org.jspecify.annotations.Nullable;

/**
 * The table classes DynamoDB knows, checked in a message of their own rather than as an
 * enumeration constraint.
 */
final class TableClassRule {

	private TableClassRule() {
	}

	/**
	 * Rejects an unknown table class.
	 * @param tableClass the type-checked table class, or {@code null}
	 */
	static void check(@Nullable Object tableClass) {
		if (tableClass != null && !"STANDARD".equals(tableClass) && !"STANDARD_INFREQUENT_ACCESS".equals(tableClass)) {
			throw DynamoDbError.validation("Invalid table-class parameter provided. Please try again with a valid "
					+ "table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");
		}
	}

}
