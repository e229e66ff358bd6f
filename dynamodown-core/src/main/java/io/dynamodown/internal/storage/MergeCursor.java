package io.dynamodown.internal.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.key.ByteKeys;
import org.jspecify.annotations.Nullable;

/**
 * The entries of one planned range, read as pages from one source per shard and merged in
 * key order (k-way): an entry is handed out only when every shard that may still hold
 * entries has one buffered, so the merged order is exactly the unsigned byte order of the
 * keys, without gaps; a key lives in one shard only, so there are no duplicates. With one
 * source it reads exactly as a plain paging iterator does.
 * <p>
 * Each shard reads one page at a time with {@code Limit} set to what the caller may still
 * take less what that shard holds buffered (so a limit L asks each shard for at most L
 * entries), and, with read-ahead, requests its next page while its current one is
 * consumed. Pages that several shards need at once are read concurrently: the calling
 * thread reads one, the executor the others; no more than {@code concurrency} reads of
 * one cursor are in flight at once. A page left short or empty by DynamoDB's filter of
 * expired items is followed by the next one.
 */
public final class MergeCursor implements AutoCloseable {

	private final List<Shard> shards;

	private final PriorityQueue<Shard> ready;

	private final Executor executor;

	private final int concurrency;

	private final boolean readAhead;

	private final UnaryOperator<Supplier<Page>> observed;

	private final Runnable beforePage;

	/**
	 * Creates a cursor; nothing is read until the first call.
	 * @param sources one source per shard, each over the same planned range
	 * @param reverse whether the sources read from the greatest key down
	 * @param executor reads the pages of other shards, and pages read ahead
	 * @param concurrency the most pages of this cursor read at once, at least 1
	 * @param readAhead whether each shard requests its next page while its current one is
	 * consumed
	 * @param observed wraps each page read (on whichever thread it runs), to observe and
	 * count it
	 * @param beforePage runs on the caller's thread before pages are read, to check that
	 * the store is still open
	 */
	public MergeCursor(List<PageSource> sources, boolean reverse, Executor executor, int concurrency, boolean readAhead,
			UnaryOperator<Supplier<Page>> observed, Runnable beforePage) {
		this.shards = new ArrayList<>(sources.size());
		sources.forEach((source) -> this.shards.add(new Shard(source)));
		Comparator<Shard> byHead = (a, b) -> ByteKeys.compare(a.headKey(), b.headKey());
		this.ready = new PriorityQueue<>(Math.max(1, sources.size()), reverse ? byHead.reversed() : byHead);
		this.executor = executor;
		this.concurrency = concurrency;
		this.readAhead = readAhead;
		this.observed = observed;
		this.beforePage = beforePage;
	}

	/**
	 * Whether another entry remains, reading the pages needed to know.
	 * @param remaining how many more entries the caller may take, or a negative number
	 * for no limit
	 * @return {@code true} when {@link #next()} has an entry
	 * @throws StoreFailure when a page cannot be read
	 */
	public boolean hasNext(long remaining) {
		if (remaining == 0) {
			return false;
		}
		List<Shard> needing = needing();
		while (!needing.isEmpty()) {
			readPages(needing, remaining);
			needing = needing();
		}
		for (Shard shard : this.shards) {
			if (!shard.queued && shard.buffered() > 0) {
				shard.queued = true;
				this.ready.add(shard);
			}
		}
		return !this.ready.isEmpty();
	}

	/**
	 * The next entry in the merged order; {@link #hasNext(long)} must have answered
	 * {@code true}.
	 * @return the entry
	 */
	public PageEntry next() {
		Shard shard = this.ready.poll();
		if (shard == null) {
			throw new NoSuchElementException("no entry is buffered");
		}
		PageEntry entry = shard.take();
		if (shard.buffered() > 0) {
			this.ready.add(shard);
		}
		else {
			shard.queued = false;
		}
		return entry;
	}

	/**
	 * Drops every page being read ahead (its request may still complete, for nothing).
	 */
	@Override
	public void close() {
		for (Shard shard : this.shards) {
			CompletableFuture<Page> pending = shard.pending;
			if (pending != null) {
				pending.cancel(false);
				shard.pending = null;
			}
		}
		this.ready.clear();
	}

	/**
	 * The shards without a buffered entry that may still hold some.
	 */
	private List<Shard> needing() {
		List<Shard> needing = new ArrayList<>();
		for (Shard shard : this.shards) {
			if (!shard.queued && shard.buffered() == 0 && shard.hasMore()) {
				needing.add(shard);
			}
		}
		return needing;
	}

	/**
	 * Reads one page for each shard that needs one: the caller reads the first that is
	 * not being read yet, the executor as many others as the concurrency allows; the rest
	 * wait for the next round.
	 */
	private void readPages(List<Shard> needing, long remaining) {
		this.beforePage.run();
		@Nullable Shard own = null;
		for (Shard shard : needing) {
			if (shard.pending != null) {
				continue;
			}
			if (own == null) {
				own = shard;
			}
			else if (inFlight() < this.concurrency - 1) {
				startRead(shard, pageLimit(shard, remaining));
			}
		}
		List<Shard> waiting = new ArrayList<>();
		for (Shard shard : needing) {
			if (shard != own && shard.pending != null) {
				waiting.add(shard);
			}
		}
		if (own != null) {
			PageSource source = own.source;
			Continuation from = own.next;
			int limit = pageLimit(own, remaining);
			took(own, this.observed.apply(() -> source.fetch(from, limit)).get(), remaining);
		}
		for (Shard shard : waiting) {
			CompletableFuture<Page> pending = shard.pending;
			shard.pending = null;
			if (pending != null) {
				took(shard, Parallel.join(pending, "reading the next page"), remaining);
			}
		}
	}

	private void took(Shard shard, Page page, long remaining) {
		shard.accept(page);
		Continuation next = page.next();
		int limit = pageLimit(shard, remaining);
		if (this.readAhead && next != null && limit >= 0 && inFlight() < this.concurrency) {
			startRead(shard, limit);
		}
	}

	/**
	 * The {@code Limit} of a shard's next page: what the caller may still take beyond
	 * what the shard holds buffered; 0 when unlimited; -1 when nothing more is needed.
	 */
	private static int pageLimit(Shard shard, long remaining) {
		if (remaining < 0) {
			return 0;
		}
		long wanted = remaining - shard.buffered();
		return (wanted <= 0) ? -1 : (int) Math.min(wanted, Integer.MAX_VALUE);
	}

	private void startRead(Shard shard, int limit) {
		PageSource source = shard.source;
		Continuation from = shard.next;
		Supplier<Page> read = this.observed.apply(() -> source.fetch(from, limit));
		try {
			shard.pending = CompletableFuture.supplyAsync(read, this.executor);
		}
		catch (RejectedExecutionException ex) {
			shard.pending = null;
		}
	}

	private int inFlight() {
		int count = 0;
		for (Shard shard : this.shards) {
			if (shard.pending != null && !shard.pending.isDone()) {
				count++;
			}
		}
		return count;
	}

	/**
	 * One shard's pages: the page being consumed, where the next one starts, and the next
	 * one while it is being read.
	 */
	private static final class Shard {

		private final PageSource source;

		private @Nullable Page page;

		private int at;

		private @Nullable Continuation next;

		private boolean started;

		private @Nullable CompletableFuture<Page> pending;

		private boolean queued;

		Shard(PageSource source) {
			this.source = source;
		}

		int buffered() {
			Page current = this.page;
			return (current != null) ? current.keys().size() - this.at : 0;
		}

		boolean hasMore() {
			return !this.started || this.next != null;
		}

		byte[] headKey() {
			return currentPage().keys().get(this.at);
		}

		PageEntry take() {
			Page current = currentPage();
			PageEntry entry = new PageEntry(current.keys().get(this.at), current.values().get(this.at));
			this.at++;
			return entry;
		}

		void accept(Page page) {
			this.page = page;
			this.at = 0;
			this.next = page.next();
			this.started = true;
		}

		private Page currentPage() {
			Page current = this.page;
			if (current == null) {
				throw new NoSuchElementException("no page is buffered");
			}
			return current;
		}

	}

}
