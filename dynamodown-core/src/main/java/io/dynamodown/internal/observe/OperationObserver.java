package io.dynamodown.internal.observe;

import java.util.function.Supplier;

/**
 * Wraps store operations in observations.
 */
public interface OperationObserver {

	/** Observes nothing: runs the call as it is. */
	OperationObserver NONE = new OperationObserver() {

		@Override
		public <T> Supplier<T> observed(String operation, long items, Supplier<T> call) {
			return call;
		}

	};

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
	 * Runs a call in the observation of one operation.
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
