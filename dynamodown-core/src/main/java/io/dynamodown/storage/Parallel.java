package io.dynamodown.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDbException;

/**
 * Runs a task for each element of a list with bounded concurrency: up to
 * {@code concurrency} workers, the calling thread being one of them, each taking the next
 * element until none remains.
 */
final class Parallel {

	private Parallel() {
	}

	/**
	 * Runs {@code task} for every element; returns when all are done.
	 * @param <T> the element type
	 * @param executor runs the workers other than the caller
	 * @param concurrency the most elements processed at once
	 * @param elements the elements
	 * @param task the work for one element; its exceptions are rethrown after all workers
	 * end
	 */
	static <T> void forEach(Executor executor, int concurrency, List<T> elements, Consumer<T> task) {
		AtomicInteger next = new AtomicInteger();
		Runnable worker = () -> {
			for (int i = next.getAndIncrement(); i < elements.size(); i = next.getAndIncrement()) {
				task.accept(elements.get(i));
			}
		};
		int helpers = Math.min(concurrency, elements.size()) - 1;
		List<FutureTask<Void>> started = new ArrayList<>(Math.max(helpers, 0));
		for (int i = 0; i < helpers; i++) {
			FutureTask<Void> future = new FutureTask<>(worker, null);
			executor.execute(future);
			started.add(future);
		}
		RuntimeException failure = null;
		try {
			worker.run();
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		for (FutureTask<Void> future : started) {
			try {
				future.get();
			}
			catch (ExecutionException ex) {
				RuntimeException cause = (ex.getCause() instanceof RuntimeException runtime) ? runtime
						: new LevelDbException(ErrorCode.REQUEST_FAILED, "parallel request failed", ex.getCause());
				if (failure == null) {
					failure = cause;
				}
				else {
					failure.addSuppressed(cause);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LevelDbException(ErrorCode.REQUEST_FAILED, "interrupted while waiting for requests", ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
