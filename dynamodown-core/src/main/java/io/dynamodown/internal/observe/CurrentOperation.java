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
	 * Makes a tally current on this thread.
	 * @param tally the operation's tally
	 * @return the tally current before, to {@link #restore} when the operation ends
	 */
	static @Nullable OperationTally enter(OperationTally tally) {
		@Nullable OperationTally previous = CURRENT.get();
		CURRENT.set(tally);
		return previous;
	}

	/**
	 * Makes the tally current before an operation current again on this thread.
	 * @param previous what {@link #enter} answered
	 */
	static void restore(@Nullable OperationTally previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

	/**
	 * Runs a call with a tally current on this thread.
	 * @param <T> the result type
	 * @param tally the operation's tally
	 * @param call the call
	 * @return its result
	 */
	static <T> T with(OperationTally tally, Supplier<T> call) {
		@Nullable OperationTally previous = enter(tally);
		try {
			return call.get();
		}
		finally {
			restore(previous);
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
