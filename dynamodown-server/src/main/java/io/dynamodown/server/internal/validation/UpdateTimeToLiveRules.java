package io.dynamodown.server.internal.validation;

import java.util.Map;

/**
 * {@code UpdateTimeToLive}: a table name and a specification naming the attribute and
 * whether expiry is enabled.
 */
final class UpdateTimeToLiveRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("UpdateTimeToLiveInput")
		.with("TableName", Members.requiredTableName())
		.with("TimeToLiveSpecification",
				Shape.field("TimeToLiveSpecification")
					.notNull()
					.with("AttributeName", Shape.string().notNull().minLength(1).maxLength(255))
					.with("Enabled", Shape.bool().notNull()));

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		// The specification's checks are all constraints.
	}

}
