package io.dynamodown.server.internal.validation;

import java.util.Map;

/**
 * {@code GetRecords} of DynamoDB Streams: a shard iterator and a page size of at least 1.
 */
final class GetRecordsRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("GetRecordsInput")
		.with("ShardIterator", Shape.string().notNull().minLength(1).maxLength(2048))
		.with("Limit", Members.streamsLimit());

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		// Both members are checked by their constraints.
	}

}
