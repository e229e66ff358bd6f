package io.dynamodown.micrometer;

import java.util.Locale;
import java.util.Objects;

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
 * unprocessed, tags {@code table}, {@code operation}.</li>
 * </ul>
 */
public class MicrometerRequestListener implements RequestListener {

	private final MeterRegistry registry;

	/**
	 * Creates a listener.
	 * @param registry the registry to record in
	 */
	public MicrometerRequestListener(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "'registry' must not be null");
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
			Counter.builder("dynamodown.unprocessed")
				.description("Items or keys DynamoDB left unprocessed in batch answers")
				.tags(tags)
				.register(this.registry)
				.increment(event.unprocessed());
		}
	}

	@Override
	public void onRetry(RetryEvent event) {
		Counter.builder("dynamodown.retries")
			.description("Requests retried by dynamodown or the SDK")
			.tags("table", event.table(), "operation", event.operation(), "reason",
					event.reason().name().toLowerCase(Locale.ROOT))
			.register(this.registry)
			.increment();
		if (event.reason() == RetryReason.THROTTLED) {
			throttled(Tags.of("table", event.table(), "operation", event.operation()));
		}
	}

	/**
	 * Counts one throttled attempt: one the SDK retried, or the last one of a request
	 * that failed.
	 */
	private void throttled(Tags tags) {
		Counter.builder("dynamodown.throttles")
			.description("DynamoDB attempts refused for throughput")
			.tags(tags)
			.register(this.registry)
			.increment();
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
