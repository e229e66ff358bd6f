package io.dynamodown.health;

import java.time.Duration;
import java.util.Objects;

import io.dynamodown.LevelDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for a {@link LevelDb} store: one {@code DescribeTable} of its
 * table, bounded by a timeout. UP when the table is {@code ACTIVE}, with the table, hash
 * key and status as details; DOWN with the status, or with the error, otherwise. Never
 * shows credentials.
 */
public class LevelDbHealthIndicator extends AbstractHealthIndicator {

	/** How long one check may take before it is reported DOWN. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private final DynamoDbClient client;

	private final String table;

	private final String hashKey;

	private final Duration timeout;

	/**
	 * Creates an indicator for a store, with {@link #DEFAULT_TIMEOUT}.
	 * @param client the client to check the table with
	 * @param levelDb the store whose table is checked
	 */
	public LevelDbHealthIndicator(DynamoDbClient client, LevelDb levelDb) {
		this(client, Objects.requireNonNull(levelDb, "'levelDb' must not be null").table(), levelDb.hashKey(),
				DEFAULT_TIMEOUT);
	}

	/**
	 * Creates an indicator for a table.
	 * @param client the client to check the table with
	 * @param table the table name
	 * @param hashKey the hash key of the store, shown as a detail
	 * @param timeout the longest time one check may take
	 */
	public LevelDbHealthIndicator(DynamoDbClient client, String table, String hashKey, Duration timeout) {
		super("DynamoDB health check failed");
		this.client = Objects.requireNonNull(client, "'client' must not be null");
		this.table = Objects.requireNonNull(table, "'table' must not be null");
		this.hashKey = Objects.requireNonNull(hashKey, "'hashKey' must not be null");
		this.timeout = Objects.requireNonNull(timeout, "'timeout' must not be null");
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		TableStatus status = this.client
			.describeTable(DescribeTableRequest.builder()
				.tableName(this.table)
				.overrideConfiguration((override) -> override.apiCallTimeout(this.timeout))
				.build())
			.table()
			.tableStatus();
		builder.status((status == TableStatus.ACTIVE) ? Status.UP : Status.DOWN);
		builder.withDetail("table", this.table).withDetail("hashKey", this.hashKey).withDetail("status", status);
	}

}
