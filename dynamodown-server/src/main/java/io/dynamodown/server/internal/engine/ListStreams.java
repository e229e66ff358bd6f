package io.dynamodown.server.internal.engine;

import java.util.Map;

/**
 * {@code ListStreams} of DynamoDB Streams: the account's streams, or one table's, up to
 * 100 a page, ordered by table name and label.
 */
final class ListStreams implements Operation {

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		String tableName = Requests.optionalString(request, "TableName");
		return database.read(() -> database.streams()
			.listStreams(tableName, tableName != null && database.existing(tableName) != null,
					Requests.pageSize(request, "Limit"), Requests.optionalString(request, "ExclusiveStartStreamArn"),
					database.now()));
	}

}
