package io.dynamodown;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An iterator over a range of a store, reading pages of one {@code Query} each and
 * fetching the next page while the caller consumes the current one. Close it when done
 * (try-with-resources); the {@link #stream()} form closes it by itself. Not thread-safe.
 *
 * @param <T> what it yields: entries, keys or values
 */
public interface LevelIterator<T> extends Iterator<T>, AutoCloseable {

	/**
	 * Whether another element remains (within the range and the limit).
	 * @return {@code true} when {@link #next()} has an element
	 * @throws LevelDbException {@link ErrorCode#ITERATOR_CLOSED} once closed,
	 * {@link ErrorCode#NOT_OPEN} when the store was closed and a new page was needed
	 */
	@Override
	boolean hasNext();

	/**
	 * Reads up to {@code n} more elements.
	 * @param n the most elements to read, at least 0
	 * @return the elements, fewer than {@code n} only at the end
	 */
	List<T> nextv(int n);

	/**
	 * Reads every remaining element, then closes the iterator.
	 * @return the elements
	 */
	List<T> all();

	/**
	 * Moves within the range: a forward iterator to the first key at or after
	 * {@code target}, a reverse one to the last key at or before it. A target outside the
	 * range ends the iteration. The limit counts what was already returned. Each seek is
	 * a fresh {@code Query}.
	 * @param target the key to seek to
	 */
	void seek(byte[] target);

	/**
	 * Closes the iterator and drops any page read ahead. Idempotent.
	 */
	@Override
	void close();

	/**
	 * This iterator as a sequential stream that closes it when the stream is closed or
	 * exhausted.
	 * @return the stream
	 */
	default Stream<T> stream() {
		LevelIterator<T> self = this;
		Iterator<T> closing = new Iterator<>() {

			@Override
			public boolean hasNext() {
				boolean more = self.hasNext();
				if (!more) {
					self.close();
				}
				return more;
			}

			@Override
			public T next() {
				return self.next();
			}

		};
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(closing, Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(this::close);
	}

}
