package io.dynamodown.server.internal.engine;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.expression.Condition;
import io.dynamodown.server.internal.expression.Projection;

/**
 * DynamoDB's rule that key attributes are scalars: an expression may not reach into a key
 * attribute of the table or of its indexes with {@code .} or {@code []}.
 */
final class Paths {

	private Paths() {
	}

	/**
	 * Checks a projection's nested paths against a table's key attributes.
	 * @param projection the projection, or {@code null}
	 * @param table the table
	 * @throws DynamoDbError {@code ValidationException} naming the key otherwise
	 */
	static void checkNotNested(@Nullable Projection projection, Table table) {
		if (projection != null) {
			checkNotNested(projection.nestedTopLevelAttributes(), table);
		}
	}

	/**
	 * Checks a filter's nested paths against a table's key attributes.
	 * @param filter the filter, or {@code null}
	 * @param table the table
	 * @throws DynamoDbError {@code ValidationException} naming the key otherwise
	 */
	static void checkNotNested(@Nullable Condition filter, Table table) {
		if (filter != null) {
			checkNotNested(filter.nestedTopLevelAttributes(), table);
		}
	}

	/**
	 * Checks the attributes an expression reaches into against a table's key attributes.
	 * @param nested the top-level attributes of the expression's nested paths
	 * @param table the table
	 * @throws DynamoDbError {@code ValidationException} naming the key otherwise
	 */
	static void checkNotNested(Set<String> nested, Table table) {
		for (String name : table.keySchema().names()) {
			if (nested.contains(name)) {
				throw DynamoDbError.validation("Key attributes must be scalars; "
						+ "list random access '[]' and map lookup '.' are not allowed: Key: " + name);
			}
		}
		for (SecondaryIndex index : table.indexes()) {
			for (String name : index.keySchema().names()) {
				if (nested.contains(name)) {
					throw DynamoDbError.validation("Key attributes must be scalars; "
							+ "list random access '[]' and map lookup '.' are not allowed: IndexKey: " + name);
				}
			}
		}
	}

}
