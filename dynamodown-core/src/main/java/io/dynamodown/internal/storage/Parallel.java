package io.dynamodown.internal.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.dynamodown.internal.observe.CurrentOperation;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Splits work into request-sized chunks and runs them with bounded concurrency: up to
 * {@code concurrency} workers, the calling thread being one of them, each taking the next
 * chunk until none remains.
 */
final class Parallel {

	private Parallel() {
	}

	/**
	 * Runs {@code task} for every chunk of at most {@code chunkSize} consecutive
	 * elements; returns when all are done.
	 * @param <T> the element type
	 * @param executor runs the workers other than the caller
	 * @param concurrency the most chunks processed at once
	 * @param elements the elements
	 * @param chunkSize the largest chunk
	 * @param task the work for one chunk; its exceptions are rethrown after all workers
	 * end
	 */
	static <T> void forEachChunk(Executor executor, int concurrency, List<T> elements, int chunkSize,
			Consumer<List<T>> task) {
		forEach(executor, concurrency, chunks(elements, chunkSize), task);
	}

	/**
	 * The result of a read run on the executor: a failure of the internals there is
	 * rethrown as it is, anything else as a {@link Kind#REQUEST_FAILED} failure.
	 * @param <T> the result type
	 * @param future the read
	 * @param what what the read was, for the message ({@code reading the next page})
	 * @return its result
	 * @throws StoreFailure when the read failed or was cancelled
	 */
	static <T> T join(CompletableFuture<T> future, String what) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new StoreFailure(Kind.REQUEST_FAILED, what + " failed", ex.getCause());
		}
		catch (CancellationException ex) {
			throw new StoreFailure(Kind.REQUEST_FAILED, what + " was cancelled", ex);
		}
	}

	/**
	 * Splits a list into consecutive chunks of at most {@code size} elements; none for an
	 * empty list.
	 */
	static <T> List<List<T>> chunks(List<T> list, int size) {
		List<List<T>> chunks = new ArrayList<>((list.size() + size - 1) / size);
		for (int from = 0; from < list.size(); from += size) {
			chunks.add(list.subList(from, Math.min(list.size(), from + size)));
		}
		return chunks;
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
	private static <T> void forEach(Executor executor, int concurrency, List<T> elements, Consumer<T> task) {
		AtomicInteger next = new AtomicInteger();
		Runnable worker = () -> {
			for (int i = next.getAndIncrement(); i < elements.size(); i = next.getAndIncrement()) {
				task.accept(elements.get(i));
			}
		};
		int helpers = Math.min(concurrency, elements.size()) - 1;
		List<FutureTask<Void>> started = new ArrayList<>(Math.max(helpers, 0));
		for (int i = 0; i < helpers; i++) {
			FutureTask<Void> future = new FutureTask<>(CurrentOperation.propagate(worker), null);
			executor.execute(future);
			started.add(future);
		}
		@Nullable RuntimeException failure = null;
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
						: new StoreFailure(Kind.REQUEST_FAILED, "parallel request failed", ex.getCause());
				if (failure == null) {
					failure = cause;
				}
				else {
					failure.addSuppressed(cause);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new StoreFailure(Kind.REQUEST_FAILED, "interrupted while waiting for requests", ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
