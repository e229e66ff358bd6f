package io.dynamodown.internal.observe;

import java.util.function.Function;
import java.util.function.Supplier;

import io.dynamodown.observation.DefaultStoreObservationConvention;
import io.dynamodown.observation.StoreObservationContext;
import io.dynamodown.observation.StoreObservationConvention;
import io.dynamodown.observation.StoreObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observes every operation as {@link StoreObservationDocumentation#OPERATION} in a
 * Micrometer registry, with the DynamoDB requests it sends on any thread counted into its
 * context.
 */
public final class MicrometerObserver implements OperationObserver {

	private static final DefaultStoreObservationConvention DEFAULT = new DefaultStoreObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable StoreObservationConvention convention;

	private final String table;

	private final String hashKey;

	private final Function<RuntimeException, String> errorCode;

	/**
	 * Creates the observer of one store.
	 * @param registry the registry
	 * @param convention the user's convention, or {@code null} for the default
	 * @param table the table
	 * @param hashKey the store's hash key
	 * @param errorCode names the error code of a failure
	 */
	public MicrometerObserver(ObservationRegistry registry, @Nullable StoreObservationConvention convention,
			String table, String hashKey, Function<RuntimeException, String> errorCode) {
		this.registry = registry;
		this.convention = convention;
		this.table = table;
		this.hashKey = hashKey;
		this.errorCode = errorCode;
	}

	@Override
	public ObservedOperation start(String operation, long items) {
		return start(operation, items, this.registry.getCurrentObservation());
	}

	@Override
	public <T> Supplier<T> observed(String operation, long items, Supplier<T> call) {
		@Nullable Observation parent = this.registry.getCurrentObservation();
		return () -> {
			ObservedOperation observed = start(operation, items, parent);
			try {
				return call.get();
			}
			catch (RuntimeException ex) {
				observed.failed(ex);
				throw ex;
			}
			finally {
				observed.stop();
			}
		};
	}

	private ObservedOperation start(String operation, long items, @Nullable Observation parent) {
		StoreObservationContext context = new StoreObservationContext(operation, this.table, this.hashKey, items);
		Observation observation = StoreObservationDocumentation.OPERATION
			.observation(this.convention, DEFAULT, () -> context, this.registry)
			.parentObservation(parent)
			.start();
		return new Running(observation, observation.openScope(), CurrentOperation.enter(new Tally(context)), context,
				this.errorCode);
	}

	/**
	 * An observation in progress on one thread: its scope open there and its tally
	 * current.
	 */
	private record Running(Observation observation, Observation.Scope scope, @Nullable OperationTally previous,
			StoreObservationContext context,
			Function<RuntimeException, String> errorCode) implements ObservedOperation {

		@Override
		public void failed(RuntimeException failure) {
			this.context.failed(this.errorCode.apply(failure));
			this.observation.error(failure);
		}

		@Override
		public void stop() {
			CurrentOperation.restore(this.previous);
			this.scope.close();
			this.observation.stop();
		}

	}

	private record Tally(StoreObservationContext context) implements OperationTally {

		@Override
		public void addRequest(double read, double write) {
			this.context.addRequest(read, write);
		}

		@Override
		public void addItems(long count) {
			this.context.addItems(count);
		}

	}

}
