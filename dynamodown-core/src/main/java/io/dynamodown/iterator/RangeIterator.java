package io.dynamodown.iterator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import io.dynamodown.Entry;
import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDbException;
import io.dynamodown.LevelIterator;
import io.dynamodown.Range;
import io.dynamodown.range.RangePlanner;
import io.dynamodown.range.SortKeyRange;
import io.dynamodown.storage.DynamoStorage;
import io.dynamodown.table.KeyLayout;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Iterates over a range of a (sub)level: plans the range once (and again on each seek),
 * reads one {@code Query} page at a time with {@code Limit} set to what the caller's
 * limit still allows, and requests the next page while the caller consumes the current
 * one (at most one page ahead).
 *
 * @param <T> what it yields
 */
public final class RangeIterator<T> implements LevelIterator<T> {

	private final DynamoStorage storage;

	private final byte[] prefix;

	private final Range range;

	private final boolean keysOnly;

	private final boolean readAhead;

	private final StoreGuard guard;

	private final Function<Entry, T> shape;

	private final Deque<Map<String, AttributeValue>> buffer = new ArrayDeque<>();

	private @Nullable PageSource source;

	private @Nullable Map<String, AttributeValue> nextStart;

	private boolean started;

	private @Nullable CompletableFuture<Page> ahead;

	private long returned;

	private boolean closed;

	/**
	 * Creates an iterator; nothing is read until the first call.
	 * @param storage the storage to read
	 * @param prefix the sublevel prefix (empty for the root), stripped from the keys
	 * yielded
	 * @param range the range, relative to the prefix
	 * @param keysOnly read only keys
	 * @param readAhead fetch the next page while the current one is consumed
	 * @param guard checks the store is open before each new page
	 * @param shape turns an entry into what is yielded
	 */
	public RangeIterator(DynamoStorage storage, byte[] prefix, Range range, boolean keysOnly, boolean readAhead,
			StoreGuard guard, Function<Entry, T> shape) {
		this.storage = storage;
		this.prefix = prefix;
		this.range = range;
		this.keysOnly = keysOnly;
		this.readAhead = readAhead;
		this.guard = guard;
		this.shape = shape;
		plan(null);
	}

	@Override
	public boolean hasNext() {
		checkNotClosed();
		if (this.range.isLimited() && this.returned >= this.range.limit()) {
			return false;
		}
		while (this.buffer.isEmpty()) {
			if (this.source == null || (this.started && this.nextStart == null)) {
				return false;
			}
			takePage();
		}
		return true;
	}

	@Override
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException("the iterator is at the end of its range");
		}
		Map<String, AttributeValue> item = this.buffer.removeFirst();
		this.returned++;
		KeyLayout layout = this.storage.layout();
		return this.shape.apply(
				new Entry(layout.keyOf(item, this.prefix.length), this.keysOnly ? new byte[0] : layout.valueOf(item)));
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
		SortKeyRange planned = (this.range.limit() == 0) ? SortKeyRange.EMPTY
				: RangePlanner.plan(this.prefix, this.range, seekTarget);
		this.source = planned.empty() ? null
				: new PageSource(this.storage, planned, this.range.isReverse(), this.keysOnly);
	}

	private void takePage() {
		this.guard.checkOpen();
		Page page;
		if (this.ahead != null) {
			page = join(this.ahead);
			this.ahead = null;
		}
		else {
			page = this.source.fetch(this.started ? this.nextStart : null, pageLimit(0));
		}
		this.started = true;
		this.buffer.addAll(page.items());
		this.nextStart = page.next();
		if (this.readAhead && this.nextStart != null && pageLimit(this.buffer.size()) >= 0) {
			startReadAhead(this.nextStart, pageLimit(this.buffer.size()));
		}
	}

	/**
	 * The {@code Limit} of the next query: what the caller's limit still allows beyond
	 * the items already buffered; 0 when unlimited; -1 when nothing more is needed.
	 */
	private int pageLimit(int buffered) {
		if (!this.range.isLimited()) {
			return 0;
		}
		long wanted = this.range.limit() - this.returned - buffered;
		return (wanted <= 0) ? -1 : (int) Math.min(wanted, Integer.MAX_VALUE);
	}

	private void startReadAhead(Map<String, AttributeValue> start, int limit) {
		PageSource pages = this.source;
		try {
			this.ahead = CompletableFuture.supplyAsync(() -> pages.fetch(start, limit), this.storage.executor());
		}
		catch (RejectedExecutionException ex) {
			this.ahead = null;
		}
	}

	private Page join(CompletableFuture<Page> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof LevelDbException level) {
				throw level;
			}
			throw new LevelDbException(ErrorCode.REQUEST_FAILED, "reading the next page failed", ex.getCause());
		}
		catch (CancellationException ex) {
			throw new LevelDbException(ErrorCode.NOT_OPEN, "the store was closed while a page was read ahead", ex);
		}
	}

	private void dropReadAhead() {
		if (this.ahead != null) {
			this.ahead.cancel(false);
			this.ahead = null;
		}
	}

	private void checkNotClosed() {
		if (this.closed) {
			throw new LevelDbException(ErrorCode.ITERATOR_CLOSED, "the iterator is closed");
		}
	}

}
