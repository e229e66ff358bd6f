package io.dynamodown.server.internal.engine;

import java.util.Map;

/**
 * {@code GetShardIterator} of DynamoDB Streams: a position in a shard, valid for 15
 * minutes. It reads the stream alone, without the database's lock.
 */
final class GetShardIterator implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		return database.streams()
			.getShardIterator(Requests.string(request, "StreamArn"), Requests.string(request, "ShardId"),
					Requests.string(request, "ShardIteratorType"), Requests.optionalString(request, "SequenceNumber"),
					database.now());
	}

}
