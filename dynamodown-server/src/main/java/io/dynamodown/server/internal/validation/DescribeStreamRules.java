package io.dynamodown.server.internal.validation;

import java.util.Map;

/**
 * {@code DescribeStream} of DynamoDB Streams: a stream ARN, a page size of at least 1 and
 * a start shard.
 */
final class DescribeStreamRules implements OperationRules {

	private static final Shape REQUEST = Shape.struct("DescribeStreamInput")
		.with("StreamArn", Members.streamArn().notNull())
		.with("Limit", Members.streamsLimit())
		.with("ExclusiveStartShardId", Members.shardId());

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		// Every member is checked by its constraints.
	}

}
