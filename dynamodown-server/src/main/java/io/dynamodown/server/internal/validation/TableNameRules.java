package io.dynamodown.server.internal.validation;

import java.util.Map;

/**
 * The table operations whose request is a table name alone: {@code DeleteTable},
 * {@code DescribeTable} and {@code DescribeTimeToLive}.
 */
final class TableNameRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("TableNameInput").with("TableName", Members.requiredTableName());

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		// The table name's checks are all constraints.
	}

}
