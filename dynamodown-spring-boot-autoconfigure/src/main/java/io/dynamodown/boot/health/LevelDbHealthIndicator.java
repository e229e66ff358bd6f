package io.dynamodown.boot.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.Subscription;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for a {@link LevelDb} store: asks the store for its table's
 * status ({@link LevelDb#tableStatus()}, one {@code DescribeTable} through the store's
 * own client). UP when the table is {@code ACTIVE}, with the table, hash key, shard count
 * and status as details; DOWN with the status, or with the error, otherwise. Never shows
 * credentials.
 * <p>
 * Given the store's change subscription, its state is the detail {@code changes}
 * ({@code consumer}, {@code state}: {@code running}, {@code stopped} or {@code failed},
 * {@code shards} held, and the {@code error} of a failed one); a subscription that
 * stopped on its own (its listener kept failing, the stream went away) makes the store
 * DOWN, as its changes are no longer delivered.
 */
public class LevelDbHealthIndicator extends AbstractHealthIndicator {

	private final LevelDb levelDb;

	private final Supplier<Optional<Subscription>> subscription;

	/**
	 * Creates an indicator for a store.
	 * @param levelDb the store whose table is checked
	 */
	public LevelDbHealthIndicator(LevelDb levelDb) {
		this(levelDb, Optional::empty);
	}

	/**
	 * Creates an indicator for a store and its change subscription.
	 * @param levelDb the store whose table is checked
	 * @param subscription the store's change subscription, if it has one
	 */
	public LevelDbHealthIndicator(LevelDb levelDb, Supplier<Optional<Subscription>> subscription) {
		super("DynamoDB health check failed");
		this.levelDb = Objects.requireNonNull(levelDb, "'levelDb' must not be null");
		this.subscription = Objects.requireNonNull(subscription, "'subscription' must not be null");
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("table", this.levelDb.table())
			.withDetail("hashKey", this.levelDb.hashKey())
			.withDetail("shards", this.levelDb.shards());
		String status = this.levelDb.tableStatus();
		builder.status("ACTIVE".equals(status) ? Status.UP : Status.DOWN).withDetail("status", status);
		this.subscription.get().ifPresent((subscription) -> {
			Optional<LevelDbException> failure = subscription.failure();
			Map<String, Object> changes = new LinkedHashMap<>();
			changes.put("consumer", subscription.consumer());
			changes.put("state", failure.isPresent() ? "failed" : subscription.isActive() ? "running" : "stopped");
			changes.put("shards", subscription.shardsHeld());
			failure.ifPresent((ex) -> changes.put("error", ex.getMessage()));
			builder.withDetail("changes", changes);
			if (failure.isPresent()) {
				builder.down();
			}
		});
	}

}
