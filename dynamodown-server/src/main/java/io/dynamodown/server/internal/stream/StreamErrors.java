package io.dynamodown.server.internal.stream;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * The errors of DynamoDB Streams' operations, in its words.
 */
final class StreamErrors {

	private StreamErrors() {
	}

	static DynamoDbError streamNotFound(String streamArn) {
		return DynamoDbError.resourceNotFound("Requested resource not found: Stream: " + streamArn + " not found");
	}

	static DynamoDbError shardNotFound() {
		return DynamoDbError.resourceNotFound("Requested resource not found: Shard does not exist");
	}

	static DynamoDbError tableNotFound(String tableName) {
		return DynamoDbError.resourceNotFound("Requested resource not found: Table: " + tableName + " not found");
	}

	static DynamoDbError trimmed() {
		return DynamoDbError.of(DynamoDbError.DYNAMODB, "TrimmedDataAccessException", 400,
				"The data you are trying to access has been trimmed.");
	}

	static DynamoDbError expiredIterator() {
		return DynamoDbError.of(DynamoDbError.DYNAMODB, "ExpiredIteratorException", 400,
				"The provided iterator exceeds the maximum age allowed.");
	}

	static DynamoDbError invalidIterator() {
		return DynamoDbError.validation("Invalid ShardIterator");
	}

	static DynamoDbError sequenceNumberNotInShard(String sequenceNumber, String shardId) {
		return DynamoDbError
			.validation("Invalid SequenceNumber: " + sequenceNumber + " is not a sequence number of shard " + shardId);
	}

}
