package io.dynamodown.server.internal.engine;

import java.util.Map;

/**
 * {@code GetRecords} of DynamoDB Streams: up to 1,000 records (and 1 MB) of a shard after
 * an iterator's position, and the iterator that follows them. It reads the stream alone,
 * without the database's lock, so that consumers polling idle shards cost the writers
 * nothing.
 */
final class GetRecords implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		return database.streams()
			.getRecords(Requests.string(request, "ShardIterator"), Requests.pageSize(request, "Limit"), database.now());
	}

}
