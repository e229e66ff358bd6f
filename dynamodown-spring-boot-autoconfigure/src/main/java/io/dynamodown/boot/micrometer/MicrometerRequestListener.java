package io.dynamodown.boot.micrometer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.dynamodown.metrics.ChangesLostEvent;
import io.dynamodown.metrics.MalformedItemEvent;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.metrics.RequestOutcome;
import io.dynamodown.metrics.RetryEvent;
import io.dynamodown.metrics.RetryReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * A {@link RequestListener} that records the DynamoDB requests of a store in a
 * {@link MeterRegistry}:
 * <ul>
 * <li>{@code dynamodown.requests}: timer, tags {@code table}, {@code operation},
 * {@code outcome};</li>
 * <li>{@code dynamodown.capacity.consumed}: counter of capacity units, tags
 * {@code table}, {@code operation}, {@code type} ({@code read} or {@code write});</li>
 * <li>{@code dynamodown.throttles}: counter of throttled attempts (those the SDK retried
 * and those that ended a request), tags {@code table}, {@code operation};</li>
 * <li>{@code dynamodown.retries}: counter of retries, tags {@code table},
 * {@code operation}, {@code reason};</li>
 * <li>{@code dynamodown.unprocessed}: counter of items and keys DynamoDB left
 * unprocessed, tags {@code table}, {@code operation};</li>
 * <li>{@code dynamodown.items.malformed}: counter of stored items a store could not read
 * and skipped (maintenance, or the chunks of a replaced value), tags {@code table},
 * {@code operation} (the store operation: {@code repair}, {@code clear}, …);</li>
 * <li>{@code dynamodown.changes.lost}: counter of the times a change subscription found
 * changes it had not delivered gone from the stream (one per shard or replaced stream),
 * tags {@code table}, {@code consumer}.</li>
 * </ul>
 */
public class MicrometerRequestListener implements RequestListener {

	/** The operations a store sends that DynamoDB may throttle and the store retries. */
	private static final List<String> DATA_OPERATIONS = List.of("GetItem", "PutItem", "UpdateItem", "DeleteItem",
			"BatchGetItem", "BatchWriteItem", "TransactWriteItems", "Query");

	/** The operations whose answers may leave items or keys unprocessed. */
	private static final List<String> BATCH_OPERATIONS = List.of("BatchGetItem", "BatchWriteItem");

	/** The store operations that skip and report stored items they cannot read. */
	private static final List<String> MAINTENANCE_OPERATIONS = List.of("repair", "clear", "approximateSize");

	private static final List<RetryReason> REQUEST_RETRY_REASONS = List.of(RetryReason.THROTTLED,
			RetryReason.SERVER_ERROR, RetryReason.IO_ERROR);

	private final MeterRegistry registry;

	/**
	 * Creates a listener.
	 * @param registry the registry to record in
	 */
	public MicrometerRequestListener(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "'registry' must not be null");
	}

	/**
	 * Registers at zero the counters of a table's throttles, retries and unprocessed
	 * items, for each operation and retry reason that can occur, so that they can be read
	 * and alerted on before their first event.
	 * @param table the table of a store
	 */
	public void registerCounters(String table) {
		for (String operation : DATA_OPERATIONS) {
			Tags tags = Tags.of("table", table, "operation", operation);
			throttles(tags);
			for (RetryReason reason : REQUEST_RETRY_REASONS) {
				retries(tags, reason);
			}
		}
		for (String operation : BATCH_OPERATIONS) {
			Tags tags = Tags.of("table", table, "operation", operation);
			unprocessed(tags);
			retries(tags, RetryReason.UNPROCESSED);
		}
		retries(Tags.of("table", table, "operation", "TransactWriteItems"), RetryReason.TRANSACTION_CONFLICT);
		for (String operation : MAINTENANCE_OPERATIONS) {
			malformed(Tags.of("table", table, "operation", operation));
		}
	}

	@Override
	public void onRequest(RequestEvent event) {
		Tags tags = Tags.of("table", event.table(), "operation", event.operation());
		Timer.builder("dynamodown.requests")
			.description("DynamoDB requests made by dynamodown")
			.tags(tags)
			.tag("outcome", name(event.outcome()))
			.register(this.registry)
			.record(event.duration());
		capacity(tags, "read", event.readCapacity());
		capacity(tags, "write", event.writeCapacity());
		if (event.outcome() == RequestOutcome.THROTTLED) {
			throttled(tags);
		}
		if (event.unprocessed() > 0) {
			unprocessed(tags).increment(event.unprocessed());
		}
	}

	@Override
	public void onRetry(RetryEvent event) {
		Tags tags = Tags.of("table", event.table(), "operation", event.operation());
		retries(tags, event.reason()).increment();
		if (event.reason() == RetryReason.THROTTLED) {
			throttled(tags);
		}
	}

	@Override
	public void onMalformedItem(MalformedItemEvent event) {
		malformed(Tags.of("table", event.table(), "operation", event.operation())).increment();
	}

	@Override
	public void onChangesLost(ChangesLostEvent event) {
		Counter.builder("dynamodown.changes.lost")
			.description("Times a change subscription found undelivered changes gone from the stream")
			.tags("table", event.table(), "consumer", event.consumer())
			.register(this.registry)
			.increment();
	}

	private Counter malformed(Tags tags) {
		return Counter.builder("dynamodown.items.malformed")
			.description("Stored items dynamodown could not read and skipped")
			.tags(tags)
			.register(this.registry);
	}

	/**
	 * Counts one throttled attempt: one the SDK retried, or the last one of a request
	 * that failed.
	 */
	private void throttled(Tags tags) {
		throttles(tags).increment();
	}

	private Counter throttles(Tags tags) {
		return Counter.builder("dynamodown.throttles")
			.description("DynamoDB attempts refused for throughput")
			.tags(tags)
			.register(this.registry);
	}

	private Counter retries(Tags tags, RetryReason reason) {
		return Counter.builder("dynamodown.retries")
			.description("Requests retried by dynamodown or the SDK")
			.tags(tags)
			.tag("reason", reason.name().toLowerCase(Locale.ROOT))
			.register(this.registry);
	}

	private Counter unprocessed(Tags tags) {
		return Counter.builder("dynamodown.unprocessed")
			.description("Items or keys DynamoDB left unprocessed in batch answers")
			.tags(tags)
			.register(this.registry);
	}

	private void capacity(Tags tags, String type, double units) {
		if (units > 0) {
			Counter.builder("dynamodown.capacity.consumed")
				.description("DynamoDB capacity units consumed")
				.baseUnit("capacity.units")
				.tags(tags)
				.tag("type", type)
				.register(this.registry)
				.increment(units);
		}
	}

	private static String name(RequestOutcome outcome) {
		return outcome.name().toLowerCase(Locale.ROOT);
	}

}
