package io.dynamodown.server.internal.engine;

import java.util.Map;

/**
 * {@code DescribeStream} of DynamoDB Streams: a stream's status, view type, table and
 * shards, up to 100 shards a page. It reads the stream alone, without the database's
 * lock.
 */
final class DescribeStream implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		return database.streams()
			.describeStream(Requests.string(request, "StreamArn"), Requests.pageSize(request, "Limit"),
					Requests.optionalString(request, "ExclusiveStartShardId"), database.now());
	}

}
