package io.dynamodown.server.internal.validation;

import java.util.Map;

/**
 * {@code ListStreams} of DynamoDB Streams: an optional table name, a page size of at
 * least 1 and a start stream ARN.
 */
final class ListStreamsRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("ListStreamsInput")
		.with("TableName", Shape.string().pattern(Members.NAME_PATTERN).minLength(3).maxLength(255))
		.with("Limit", Members.streamsLimit())
		.with("ExclusiveStartStreamArn", Members.streamArn());

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		// Every member is checked by its constraints.
	}

}
