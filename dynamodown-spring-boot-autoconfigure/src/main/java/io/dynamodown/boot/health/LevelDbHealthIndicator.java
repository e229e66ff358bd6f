package io.dynamodown.boot.health;

import java.util.Objects;

import io.dynamodown.LevelDb;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for a {@link LevelDb} store: asks the store for its table's
 * status ({@link LevelDb#tableStatus()}, one {@code DescribeTable} through the store's
 * own client). UP when the table is {@code ACTIVE}, with the table, hash key and status
 * as details; DOWN with the status, or with the error, otherwise. Never shows
 * credentials.
 */
public class LevelDbHealthIndicator extends AbstractHealthIndicator {

	private final LevelDb levelDb;

	/**
	 * Creates an indicator for a store.
	 * @param levelDb the store whose table is checked
	 */
	public LevelDbHealthIndicator(LevelDb levelDb) {
		super("DynamoDB health check failed");
		this.levelDb = Objects.requireNonNull(levelDb, "'levelDb' must not be null");
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("table", this.levelDb.table()).withDetail("hashKey", this.levelDb.hashKey());
		String status = this.levelDb.tableStatus();
		builder.status("ACTIVE".equals(status) ? Status.UP : Status.DOWN).withDetail("status", status);
	}

}
