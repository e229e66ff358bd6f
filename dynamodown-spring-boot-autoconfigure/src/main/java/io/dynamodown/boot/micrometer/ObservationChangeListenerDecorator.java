package io.dynamodown.boot.micrometer;

import java.util.Locale;
import java.util.Objects;

import io.dynamodown.boot.changes.ChangeSubscriptionName;
import io.dynamodown.boot.changes.LevelDbChangeListener;
import io.dynamodown.boot.changes.LevelDbChangeListenerDecorator;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Observes each delivery of a change to the listeners as the observation
 * {@code dynamodown.change} (contextual name {@code dynamodown change}), with the
 * low-cardinality keys {@code table}, {@code consumer} and {@code kind}; a listener that
 * throws is recorded as the observation's error. The core has no hook around a batch of
 * changes, so the unit observed is one change. With a no-op registry the listener is
 * called as it is.
 */
public class ObservationChangeListenerDecorator implements LevelDbChangeListenerDecorator {

	/** The name of the observation. */
	public static final String OBSERVATION_NAME = "dynamodown.change";

	private final ObservationRegistry registry;

	/**
	 * Creates a decorator.
	 * @param registry the registry
	 */
	public ObservationChangeListenerDecorator(ObservationRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "'registry' must not be null");
	}

	@Override
	public LevelDbChangeListener decorate(LevelDbChangeListener listener, ChangeSubscriptionName subscription) {
		if (this.registry.isNoop()) {
			return listener;
		}
		return (change) -> Observation.createNotStarted(OBSERVATION_NAME, this.registry)
			.contextualName("dynamodown change")
			.lowCardinalityKeyValue("table", subscription.table())
			.lowCardinalityKeyValue("consumer", subscription.consumer())
			.lowCardinalityKeyValue("kind", change.kind().name().toLowerCase(Locale.ROOT))
			.observe(() -> listener.onChange(change));
	}

}
