package io.dynamodown.boot.micrometer;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import io.dynamodown.Change;
import io.dynamodown.boot.changes.ChangeSubscriptionName;
import io.dynamodown.boot.changes.LevelDbChangeListener;
import io.dynamodown.boot.changes.LevelDbChangeListenerDecorator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Measures the deliveries of a change subscription in a {@link MeterRegistry}, tagged
 * {@code table} and {@code consumer}:
 * <ul>
 * <li>{@code dynamodown.changes.delivered}: counter of changes the listeners handled
 * (returned from), also tagged {@code kind} ({@code put}, {@code delete},
 * {@code expired});</li>
 * <li>{@code dynamodown.changes.lag}: timer of the time from the change
 * ({@link Change#time()}, DynamoDB's clock, to the second on AWS) to its delivery, taken
 * before the listeners are called (0 when the clocks disagree the other way);</li>
 * <li>{@code dynamodown.changes.handler.failures}: counter of listener calls that threw
 * (each is retried, until the subscription gives up).</li>
 * </ul>
 * The counters are registered at zero when a subscription is decorated.
 */
public class MicrometerChangeListenerDecorator implements LevelDbChangeListenerDecorator {

	private final MeterRegistry registry;

	private final Clock clock;

	/**
	 * Creates a decorator on the system clock.
	 * @param registry the registry to record in
	 */
	public MicrometerChangeListenerDecorator(MeterRegistry registry) {
		this(registry, Clock.systemUTC());
	}

	/**
	 * Creates a decorator.
	 * @param registry the registry to record in
	 * @param clock the clock that dates deliveries, to compute the lag
	 */
	public MicrometerChangeListenerDecorator(MeterRegistry registry, Clock clock) {
		this.registry = Objects.requireNonNull(registry, "'registry' must not be null");
		this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
	}

	@Override
	public LevelDbChangeListener decorate(LevelDbChangeListener listener, ChangeSubscriptionName subscription) {
		Tags tags = Tags.of("table", subscription.table(), "consumer", subscription.consumer());
		Timer lag = Timer.builder("dynamodown.changes.lag")
			.description("Time from a change to its delivery to the change listeners")
			.tags(tags)
			.register(this.registry);
		Counter failures = Counter.builder("dynamodown.changes.handler.failures")
			.description("Calls of the change listeners that threw")
			.tags(tags)
			.register(this.registry);
		Counter[] delivered = new Counter[Change.Kind.values().length];
		for (Change.Kind kind : Change.Kind.values()) {
			delivered[kind.ordinal()] = delivered(tags, kind);
		}
		return (change) -> {
			Duration behind = Duration.between(change.time(), this.clock.instant());
			lag.record(behind.isNegative() ? Duration.ZERO : behind);
			try {
				listener.onChange(change);
			}
			catch (RuntimeException | Error ex) {
				failures.increment();
				throw ex;
			}
			delivered[change.kind().ordinal()].increment();
		};
	}

	private Counter delivered(Tags tags, Change.Kind kind) {
		return Counter.builder("dynamodown.changes.delivered")
			.description("Changes the change listeners handled")
			.tags(tags)
			.tag("kind", kind.name().toLowerCase(Locale.ROOT))
			.register(this.registry);
	}

}
