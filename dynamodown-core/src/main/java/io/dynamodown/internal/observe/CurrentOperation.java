package io.dynamodown.internal.observe;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The observed operation running on the current thread, carried to the store's executor
 * threads by {@link #propagate(Runnable)}. Without observation it is never set, and
 * reading it is the only cost.
 */
public final class CurrentOperation {

	private static final ThreadLocal<@Nullable OperationTally> CURRENT = new ThreadLocal<>();

	private CurrentOperation() {
	}

	/**
	 * The operation running on this thread.
	 * @return its tally, or {@code null} when none is observed
	 */
	public static @Nullable OperationTally get() {
		return CURRENT.get();
	}

	/**
	 * Runs a call with a tally current on this thread.
	 * @param <T> the result type
	 * @param tally the operation's tally
	 * @param call the call
	 * @return its result
	 */
	static <T> T with(OperationTally tally, Supplier<T> call) {
		@Nullable OperationTally previous = CURRENT.get();
		CURRENT.set(tally);
		try {
			return call.get();
		}
		finally {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		}
	}

	/**
	 * A task for another thread that runs with this thread's operation current.
	 * @param task the task
	 * @return the task itself when no operation is observed
	 */
	public static Runnable propagate(Runnable task) {
		@Nullable OperationTally tally = CURRENT.get();
		if (tally == null) {
			return task;
		}
		return () -> with(tally, () -> {
			task.run();
			return null;
		});
	}

}
