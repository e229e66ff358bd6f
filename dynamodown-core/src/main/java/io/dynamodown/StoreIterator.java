package io.dynamodown;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

import io.dynamodown.internal.observe.CurrentOperation;
import io.dynamodown.internal.observe.OperationObserver;
import io.dynamodown.internal.observe.OperationTally;
import io.dynamodown.internal.range.RangePlanner;
import io.dynamodown.internal.range.SortKeyRange;
import io.dynamodown.internal.storage.DynamoStorage;
import io.dynamodown.internal.storage.MergeCursor;
import io.dynamodown.internal.storage.Page;
import io.dynamodown.internal.storage.PageEntry;
import org.jspecify.annotations.Nullable;

/**
 * Iterates over a range of a (sub)level: plans the range once (and again on each seek)
 * and reads it through a {@link MergeCursor} over one query per shard (a database of one
 * shard: one query), which reads one page at a time per shard with {@code Limit} set to
 * what the caller's limit still allows and requests each shard's next page while the
 * current one is consumed. A page that DynamoDB's filter of expired items left short is
 * followed by one asking for what is still missing, so a limit yields exactly the live
 * entries asked for.
 *
 * @param <T> what it yields
 */
final class StoreIterator<T> implements LevelIterator<T> {

	private static final String PAGE = "iterator.page";

	private final DynamoStorage storage;

	private final byte[] prefix;

	private final Range range;

	private final boolean keysOnly;

	private final boolean withExpired;

	private final boolean readAhead;

	private final Runnable checkStoreOpen;

	private final Function<Entry, T> shape;

	private final OperationObserver observer;

	private @Nullable MergeCursor cursor;

	private long returned;

	private boolean closed;

	/**
	 * Creates an iterator; nothing is read until the first call.
	 * @param storage the storage to read
	 * @param prefix the sublevel prefix (empty for the root), left out of the keys
	 * yielded
	 * @param range the range, relative to the prefix
	 * @param keysOnly read only keys
	 * @param withExpired also yield expired keys that DynamoDB has not deleted yet
	 * @param readAhead fetch each shard's next page while the current one is consumed
	 * @param checkStoreOpen checks the store is open before each new page
	 * @param shape turns an entry into what is yielded
	 * @param observer observes each page read
	 */
	StoreIterator(DynamoStorage storage, byte[] prefix, Range range, boolean keysOnly, boolean withExpired,
			boolean readAhead, Runnable checkStoreOpen, Function<Entry, T> shape, OperationObserver observer) {
		this.storage = storage;
		this.prefix = prefix;
		this.range = range;
		this.keysOnly = keysOnly;
		this.withExpired = withExpired;
		this.readAhead = readAhead;
		this.checkStoreOpen = checkStoreOpen;
		this.shape = shape;
		this.observer = observer;
		plan(null);
	}

	@Override
	public boolean hasNext() {
		checkNotClosed();
		MergeCursor entries = this.cursor;
		if (entries == null) {
			return false;
		}
		long remaining = this.range.isLimited() ? Math.max(0, this.range.limit() - this.returned) : -1;
		return Errors.call(() -> entries.hasNext(remaining));
	}

	@Override
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException("the iterator is at the end of its range");
		}
		MergeCursor entries = this.cursor;
		if (entries == null) {
			throw new NoSuchElementException("the iterator is at the end of its range");
		}
		PageEntry entry = entries.next();
		this.returned++;
		return this.shape.apply(new Entry(entry.key(), entry.value()));
	}

	@Override
	public List<T> nextv(int n) {
		if (n < 0) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT, "nextv size must be at least 0, was " + n);
		}
		List<T> elements = new ArrayList<>(Math.min(n, 1024));
		while (elements.size() < n && hasNext()) {
			elements.add(next());
		}
		return elements;
	}

	@Override
	public List<T> all() {
		try {
			List<T> elements = new ArrayList<>();
			while (hasNext()) {
				elements.add(next());
			}
			return elements;
		}
		finally {
			close();
		}
	}

	@Override
	public void seek(byte[] target) {
		checkNotClosed();
		if (target == null) {
			throw new LevelDbException(ErrorCode.INVALID_KEY, "seek target must not be null");
		}
		plan(target.clone());
	}

	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			dropCursor();
		}
	}

	private void plan(byte @Nullable [] seekTarget) {
		dropCursor();
		SortKeyRange planned = (this.range.limit() == 0) ? SortKeyRange.EMPTY : RangePlanner.plan(this.prefix,
				this.range.lower(), this.range.upper(), this.range.isReverse(), seekTarget);
		this.cursor = planned.empty() ? null
				: this.storage.cursor(planned, this.range.isReverse(), this.keysOnly, this.prefix.length,
						this.withExpired, this.readAhead,
						(read) -> this.observer.observed(PAGE, 0, () -> counted(read.get())), this.checkStoreOpen);
	}

	private static Page counted(Page page) {
		OperationTally tally = CurrentOperation.get();
		if (tally != null) {
			tally.addItems(page.keys().size());
		}
		return page;
	}

	private void dropCursor() {
		MergeCursor entries = this.cursor;
		if (entries != null) {
			entries.close();
			this.cursor = null;
		}
	}

	private void checkNotClosed() {
		if (this.closed) {
			throw new LevelDbException(ErrorCode.ITERATOR_CLOSED, "the iterator is closed");
		}
	}

}
