package io.dynamodown.internal.observe;

import java.util.function.Supplier;

/**
 * Observes store operations: one running on this thread from {@link #start} to its
 * {@link ObservedOperation#stop()}, or a call to run on another thread.
 */
public interface OperationObserver {

	/** Observes nothing. */
	OperationObserver NONE = new OperationObserver() {

		@Override
		public ObservedOperation start(String operation, long items) {
			return ObservedOperation.NONE;
		}

		@Override
		public <T> Supplier<T> observed(String operation, long items, Supplier<T> call) {
			return call;
		}

	};

	/**
	 * Starts the observation of one operation on this thread, the child of the
	 * observation current here; it is current on this thread until it stops.
	 * @param operation the operation's name, e.g. {@code get}
	 * @param items the keys it reads or writes, as far as known now
	 * @return the running observation, to stop on this thread
	 */
	ObservedOperation start(String operation, long items);

	/**
	 * Wraps a call in the observation of one operation, the child of the observation
	 * current on this thread now, whichever thread the call then runs on.
	 * @param <T> the result type
	 * @param operation the operation's name, e.g. {@code get}
	 * @param items the keys it reads or writes, as far as known now
	 * @param call the call
	 * @return the observed call
	 */
	<T> Supplier<T> observed(String operation, long items, Supplier<T> call);

	/**
	 * Runs a call in the observation of one operation on this thread.
	 * @param <T> the result type
	 * @param operation the operation's name
	 * @param items the keys it reads or writes, as far as known now
	 * @param call the call
	 * @return its result
	 */
	default <T> T observe(String operation, long items, Supplier<T> call) {
		return observed(operation, items, call).get();
	}

}
