package io.dynamodown.internal.value;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A few reusable zlib streams ({@link java.util.zip.Deflater} or
 * {@link java.util.zip.Inflater}): each holds native memory (about 256 KB for a
 * deflater), so a store keeps at most {@link #SIZE} idle ones instead of one per thread
 * for the thread's life (a web server has hundreds of threads); one more in use at a time
 * is made and ended at once.
 *
 * @param <Z> the stream type
 */
final class ZlibPool<Z> {

	/** The most idle streams kept. */
	static final int SIZE = Math.max(2, Runtime.getRuntime().availableProcessors());

	private final ArrayBlockingQueue<Z> idle = new ArrayBlockingQueue<>(SIZE);

	private final Supplier<Z> create;

	private final Consumer<Z> reset;

	private final Consumer<Z> end;

	/**
	 * Creates a pool.
	 * @param create makes a stream
	 * @param reset readies a stream for its next use
	 * @param end frees a stream's native memory
	 */
	ZlibPool(Supplier<Z> create, Consumer<Z> reset, Consumer<Z> end) {
		this.create = create;
		this.reset = reset;
		this.end = end;
	}

	/**
	 * Runs work with a stream of the pool, reset before use.
	 * @param <R> the result type
	 * @param work the work
	 * @return its result
	 */
	<R> R with(Function<Z, R> work) {
		Z stream = this.idle.poll();
		if (stream == null) {
			stream = this.create.get();
		}
		else {
			this.reset.accept(stream);
		}
		try {
			return work.apply(stream);
		}
		finally {
			if (!this.idle.offer(stream)) {
				this.end.accept(stream);
			}
		}
	}

}
