package io.dynamodown.server.internal.validation;

import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * {@code GetShardIterator} of DynamoDB Streams: a stream ARN, a shard, an iterator type,
 * and a sequence number exactly when the type starts at or after one. The API reference
 * states that rule but not its messages; the messages are those AWS answers for it.
 */
final class GetShardIteratorRules implements OperationRules {

	private static final Set<String> AT_A_SEQUENCE_NUMBER = Set.of("AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");

	private static final Shape REQUEST = Shape.struct("GetShardIteratorInput")
		.with("StreamArn", Members.streamArn().notNull())
		.with("ShardId", Members.shardId().notNull())
		.with("ShardIteratorType",
				Shape.string().notNull().oneOf("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"))
		.with("SequenceNumber", Shape.string().minLength(21).maxLength(40));

	@Override
	public Shape request() {
		return REQUEST;
	}

	@Override
	public void check(Map<String, Object> data, ExpressionCheck expressions) {
		boolean needsSequenceNumber = AT_A_SEQUENCE_NUMBER.contains(data.get("ShardIteratorType"));
		boolean hasSequenceNumber = data.get("SequenceNumber") != null;
		if (needsSequenceNumber && !hasSequenceNumber) {
			throw DynamoDbError.validation("SequenceNumber cannot be null");
		}
		if (!needsSequenceNumber && hasSequenceNumber) {
			throw DynamoDbError.validation("SequenceNumber should not be passed for this iterator type");
		}
	}

}
