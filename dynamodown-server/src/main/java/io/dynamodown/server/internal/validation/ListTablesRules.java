package io.dynamodown.server.internal.validation;

import java.util.Map;

/**
 * {@code ListTables}: a page size of 1 to 100 and a valid start table name.
 */
final class ListTablesRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("ListTablesInput")
		.with("Limit", Shape.integer().min(1).max(100))
		.with("ExclusiveStartTableName", Members.indexName());

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		// Both members are checked by their constraints.
	}

}
