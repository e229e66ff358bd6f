package io.dynamodown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.range.RangePlanner;
import io.dynamodown.internal.range.SortKeyRange;
import io.dynamodown.internal.observe.CurrentOperation;
import io.dynamodown.internal.observe.OperationObserver;
import io.dynamodown.internal.observe.OperationTally;
import io.dynamodown.internal.storage.Continuation;
import io.dynamodown.internal.observe.CurrentOperation;
import io.dynamodown.internal.observe.OperationObserver;
import io.dynamodown.internal.observe.OperationTally;
import io.dynamodown.internal.storage.DynamoStorage;
import io.dynamodown.internal.observe.CurrentOperation;
import io.dynamodown.internal.observe.OperationObserver;
import io.dynamodown.internal.observe.OperationTally;
import io.dynamodown.internal.storage.Page;
import io.dynamodown.internal.observe.CurrentOperation;
import io.dynamodown.internal.observe.OperationObserver;
import io.dynamodown.internal.observe.OperationTally;
import io.dynamodown.internal.storage.PageSource;
import org.jspecify.annotations.Nullable;

/**
 * Iterates over a range of a (sub)level: plans the range once (and again on each seek),
 * reads one page at a time with {@code Limit} set to what the caller's limit still
 * allows, and requests the next page while the caller consumes the current one (at most
 * one page ahead). A page that DynamoDB's filter of expired items left short is followed
 * by one asking for what is still missing, so a limit yields exactly the live entries
 * asked for.
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

	private final @Nullable Executor readAhead;

	private final Runnable checkStoreOpen;

	private final Function<Entry, T> shape;

	private final OperationObserver observer;

	private final Deque<Entry> buffer = new ArrayDeque<>();

	private @Nullable PageSource source;

	private @Nullable Continuation nextStart;

	private boolean started;

	private @Nullable CompletableFuture<Page> ahead;

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
	 * @param readAhead runs the fetch of the next page while the current one is consumed,
	 * or {@code null} to read pages only when needed
	 * @param checkStoreOpen checks the store is open before each new page
	 * @param shape turns an entry into what is yielded
	 * @param observer observes each page read
	 */
	StoreIterator(DynamoStorage storage, byte[] prefix, Range range, boolean keysOnly, boolean withExpired,
			@Nullable Executor readAhead, Runnable checkStoreOpen, Function<Entry, T> shape,
			OperationObserver observer) {
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
		if (this.range.isLimited() && this.returned >= this.range.limit()) {
			return false;
		}
		while (this.buffer.isEmpty()) {
			PageSource pages = this.source;
			if (pages == null || (this.started && this.nextStart == null)) {
				return false;
			}
			takePage(pages);
		}
		return true;
	}

	@Override
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException("the iterator is at the end of its range");
		}
		this.returned++;
		return this.shape.apply(this.buffer.removeFirst());
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
			dropReadAhead();
			this.buffer.clear();
		}
	}

	private void plan(byte @Nullable [] seekTarget) {
		dropReadAhead();
		this.buffer.clear();
		this.started = false;
		this.nextStart = null;
		SortKeyRange planned = (this.range.limit() == 0) ? SortKeyRange.EMPTY : RangePlanner.plan(this.prefix,
				this.range.lower(), this.range.upper(), this.range.isReverse(), seekTarget);
		this.source = planned.empty() ? null : this.storage.pages(planned, this.range.isReverse(), this.keysOnly,
				this.prefix.length, this.withExpired);
	}

	private void takePage(PageSource pages) {
		this.checkStoreOpen.run();
		CompletableFuture<Page> fetched = this.ahead;
		this.ahead = null;
		Continuation from = this.started ? this.nextStart : null;
		Page page = Errors.call(() -> (fetched != null) ? join(fetched) : fetch(pages, from, pageLimit(0)));
		this.started = true;
		for (int i = 0; i < page.keys().size(); i++) {
			this.buffer.add(new Entry(page.keys().get(i), page.values().get(i)));
		}
		Continuation next = page.next();
		this.nextStart = next;
		int aheadLimit = pageLimit(this.buffer.size());
		if (this.readAhead != null && next != null && aheadLimit >= 0) {
			startReadAhead(this.readAhead, pages, next, aheadLimit);
		}
	}

	/**
	 * The {@code Limit} of the next query: what the caller's limit still allows beyond
	 * the entries already buffered; 0 when unlimited; -1 when nothing more is needed.
	 */
	private int pageLimit(int buffered) {
		if (!this.range.isLimited()) {
			return 0;
		}
		long wanted = this.range.limit() - this.returned - buffered;
		return (wanted <= 0) ? -1 : (int) Math.min(wanted, Integer.MAX_VALUE);
	}

	private Page fetch(PageSource pages, @Nullable Continuation from, int limit) {
		return this.observer.observe(PAGE, 0, () -> fetchCounted(pages, from, limit));
	}

	private static Page fetchCounted(PageSource pages, @Nullable Continuation from, int limit) {
		Page page = pages.fetch(from, limit);
		OperationTally tally = CurrentOperation.get();
		if (tally != null) {
			tally.addItems(page.keys().size());
		}
		return page;
	}

	private void startReadAhead(Executor executor, PageSource pages, Continuation start, int limit) {
		try {
			this.ahead = CompletableFuture
				.supplyAsync(this.observer.observed(PAGE, 0, () -> fetchCounted(pages, start, limit)), executor);
		}
		catch (RejectedExecutionException ex) {
			this.ahead = null;
		}
	}

	/**
	 * The page read ahead; a failure of the internals on the executor's thread is
	 * rethrown as it is, for the caller to convert.
	 */
	private static Page join(CompletableFuture<Page> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof StoreFailure failure) {
				throw failure;
			}
			throw new LevelDbException(ErrorCode.REQUEST_FAILED, "reading the next page failed", ex.getCause());
		}
		catch (CancellationException ex) {
			throw new LevelDbException(ErrorCode.NOT_OPEN, "the store was closed while a page was read ahead", ex);
		}
	}

	private void dropReadAhead() {
		CompletableFuture<Page> fetching = this.ahead;
		if (fetching != null) {
			fetching.cancel(false);
			this.ahead = null;
		}
	}

	private void checkNotClosed() {
		if (this.closed) {
			throw new LevelDbException(ErrorCode.ITERATOR_CLOSED, "the iterator is closed");
		}
	}

}
