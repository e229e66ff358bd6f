package io.dynamodown.server.internal.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * The databases of one server and the operations on them: takes a parsed request body,
 * validates it in DynamoDB's order, executes it and returns the answer's body.
 */
public final class Engine implements AutoCloseable {

	/** The operations of the {@code DynamoDB_20120810} target this engine executes. */
	public static final Set<String> OPERATIONS = Set.of("BatchGetItem", "BatchWriteItem", "CreateTable", "DeleteItem",
			"DeleteTable", "DescribeTable", "DescribeTimeToLive", "GetItem", "ListTables", "PutItem", "Query", "Scan",
			"TransactGetItems", "TransactWriteItems", "UpdateItem", "UpdateTable", "UpdateTimeToLive");

	/**
	 * Creates an engine.
	 * @param clock the clock of table status changes, TTL and idempotency windows
	 * @param tableStatusDelay how long a table stays {@code CREATING}, {@code UPDATING}
	 * or {@code DELETING}
	 * @param directory where data is kept on disk, or {@code null} for memory only
	 */
	public Engine(Clock clock, Duration tableStatusDelay, @Nullable Path directory) {
	}

	/**
	 * Executes one operation.
	 * @param operation the operation, one of {@link #OPERATIONS}
	 * @param body the parsed JSON body (maps, lists, strings, {@code BigDecimal}s,
	 * booleans, {@code null}s)
	 * @param account the database the request addresses (one per access key id, or one
	 * shared by all)
	 * @return the answer's JSON body
	 * @throws DynamoDbError with DynamoDB's error for a bad request or a failed condition
	 */
	public Map<String, Object> execute(String operation, Map<String, Object> body, String account) {
		throw DynamoDbError.internal("not implemented");
	}

	/**
	 * Stops background work and releases the disk, if any.
	 */
	@Override
	public void close() {
	}

}
