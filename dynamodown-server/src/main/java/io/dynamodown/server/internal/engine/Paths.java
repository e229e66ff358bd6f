package io.dynamodown.server.internal.engine;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.expression.DocumentPaths;

/**
 * DynamoDB's rule that key attributes are scalars: an expression may not reach into a key
 * attribute of the table or of its indexes with {@code .} or {@code []}.
 */
final class Paths {

	private Paths() {
	}

	/**
	 * Checks an expression's nested paths against a table's key attributes.
	 * @param expression the expression, or {@code null}
	 * @param table the table
	 * @throws DynamoDbError {@code ValidationException} naming the key otherwise
	 */
	static void checkNotNested(@Nullable DocumentPaths expression, Table table) {
		if (expression == null) {
			return;
		}
		for (String name : table.keySchema().names()) {
			if (expression.nestedPathHeads().contains(name)) {
				throw DynamoDbError.validation("Key attributes must be scalars; "
						+ "list random access '[]' and map lookup '.' are not allowed: Key: " + name);
			}
		}
		for (SecondaryIndex index : table.indexes()) {
			for (String name : index.keySchema().names()) {
				if (expression.nestedPathHeads().contains(name)) {
					throw DynamoDbError.validation("Key attributes must be scalars; "
							+ "list random access '[]' and map lookup '.' are not allowed: IndexKey: " + name);
				}
			}
		}
	}

}
