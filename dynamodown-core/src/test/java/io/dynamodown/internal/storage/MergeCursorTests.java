package io.dynamodown.internal.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import io.dynamodown.internal.key.ByteKey;
import io.dynamodown.internal.layout.ShardHash;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The k-way merge of shard pages, without a server: sources are lists of keys read a few
 * at a time, some of them filtered out as expired after they counted toward the page's
 * {@code Limit}, as DynamoDB does.
 */
class MergeCursorTests {

	private static final Executor DIRECT = Runnable::run;

	@Test
	void mergedOrderIsUnsignedByteOrderForwardAndReverseWithAndWithoutLimits() {
		SplittableRandom random = new SplittableRandom(7);
		for (int round = 0; round < 200; round++) {
			int shards = 1 + random.nextInt(9);
			TreeSet<ByteKey> all = new TreeSet<>();
			int count = random.nextInt(60);
			while (all.size() < count) {
				byte[] key = new byte[random.nextInt(4)];
				for (int i = 0; i < key.length; i++) {
					key[i] = (byte) new int[] { 0x00, 0x01, 0x7f, 0x80, 0xff }[random.nextInt(5)];
				}
				all.add(new ByteKey(key));
			}
			boolean reverse = random.nextBoolean();
			long limit = random.nextBoolean() ? -1 : random.nextInt(30);
			int pageSize = 1 + random.nextInt(5);
			List<FakeSource> sources = sources(all, shards, reverse, pageSize, (key) -> random.nextInt(5) == 0);
			List<byte[]> expected = new ArrayList<>();
			for (ByteKey key : reverse ? all.descendingSet() : all) {
				if (!isExpired(sources, key.bytes()) && (limit < 0 || expected.size() < limit)) {
					expected.add(key.bytes());
				}
			}
			try (MergeCursor cursor = cursor(sources, reverse, DIRECT, 1 + random.nextInt(4), random.nextBoolean())) {
				assertThat(readAll(cursor, limit)).as("round %d", round).containsExactlyElementsOf(expected);
			}
			for (FakeSource source : sources) {
				assertThat(source.fetches).allSatisfy((fetch) -> {
					if (limit >= 0) {
						assertThat(fetch.limit()).as("a limit L asks each shard for at most L")
							.isBetween(1, (int) limit);
					}
					else {
						assertThat(fetch.limit()).isZero();
					}
				});
			}
		}
	}

	@Test
	void oneSourceReadsPageByPageWithOnePageAhead() {
		TreeSet<ByteKey> all = keys(10);
		FakeSource source = sources(all, 1, false, 4, (key) -> false).get(0);
		try (MergeCursor cursor = cursor(List.of(source), false, DIRECT, 8, true)) {
			assertThat(cursor.hasNext(-1)).isTrue();
			assertThat(source.fetches).as("the first page, then the second read ahead").hasSize(2);
			for (int i = 0; i < 4; i++) {
				cursor.next();
			}
			assertThat(cursor.hasNext(-1)).isTrue();
			assertThat(source.fetches).as("the third read ahead when the second is taken").hasSize(3);
			assertThat(readAll(cursor, -1)).hasSize(6);
		}
		assertThat(source.fetches).extracting(Fetch::from).containsExactly(0, 4, 8);
	}

	@Test
	void withoutReadAheadAPageIsReadOnlyWhenNeeded() {
		FakeSource source = sources(keys(10), 1, false, 4, (key) -> false).get(0);
		try (MergeCursor cursor = cursor(List.of(source), false, DIRECT, 8, false)) {
			assertThat(cursor.hasNext(-1)).isTrue();
			assertThat(source.fetches).hasSize(1);
			assertThat(readAll(cursor, -1)).hasSize(10);
		}
		assertThat(source.fetches).hasSize(3);
	}

	@Test
	void aLimitIsPassedDownLessWhatTheShardHoldsBuffered() {
		FakeSource source = sources(keys(10), 1, false, 4, (key) -> false).get(0);
		try (MergeCursor cursor = cursor(List.of(source), false, DIRECT, 8, true)) {
			assertThat(readAll(cursor, 6)).hasSize(6);
		}
		assertThat(source.fetches).extracting(Fetch::limit).containsExactly(6, 2);
	}

	@Test
	void aPageEmptiedByTheExpiryFilterIsFollowedByTheNext() {
		TreeSet<ByteKey> all = keys(12);
		List<FakeSource> sources = sources(all, 3, false, 2, (key) -> key[0] % 3 != 0);
		List<byte[]> live = all.stream().map(ByteKey::bytes).filter((key) -> key[0] % 3 == 0).toList();
		try (MergeCursor cursor = cursor(sources, false, DIRECT, 2, false)) {
			assertThat(readAll(cursor, -1)).containsExactlyElementsOf(live);
		}
	}

	@Test
	void shardsAreReadConcurrentlyUpToTheConcurrency() throws Exception {
		ExecutorService executor = Executors.newCachedThreadPool();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		try {
			TreeSet<ByteKey> all = keys(200);
			List<FakeSource> sources = sources(all, 7, false, 5, (key) -> false);
			sources.forEach((source) -> source.during = () -> {
				most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
				while (most.get() < 3 && System.nanoTime() < deadline) {
					most.accumulateAndGet(inFlight.get(), Math::max);
					Thread.onSpinWait();
				}
				inFlight.decrementAndGet();
			});
			try (MergeCursor cursor = cursor(sources, false, executor, 3, true)) {
				assertThat(readAll(cursor, -1)).hasSize(200);
			}
			assertThat(most.get()).isEqualTo(3);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void closeDropsThePagesBeingReadAhead() {
		List<Runnable> queued = new CopyOnWriteArrayList<>();
		FakeSource source = sources(keys(10), 1, false, 4, (key) -> false).get(0);
		MergeCursor cursor = cursor(List.of(source), false, queued::add, 8, true);
		assertThat(cursor.hasNext(-1)).isTrue();
		assertThat(queued).as("the next page, requested").hasSize(1);
		cursor.close();
		queued.forEach(Runnable::run);
		assertThat(source.fetches).as("a cancelled read ahead reads nothing").hasSize(1);
	}

	private static MergeCursor cursor(List<FakeSource> sources, boolean reverse, Executor executor, int concurrency,
			boolean readAhead) {
		return new MergeCursor(new ArrayList<>(sources), reverse, executor, concurrency, readAhead,
				UnaryOperator.identity(), () -> {
				});
	}

	private static List<byte[]> readAll(MergeCursor cursor, long limit) {
		List<byte[]> keys = new ArrayList<>();
		while (cursor.hasNext((limit < 0) ? -1 : limit - keys.size())) {
			PageEntry entry = cursor.next();
			assertThat(entry.value()).isEqualTo(entry.key());
			keys.add(entry.key());
		}
		return keys;
	}

	private static TreeSet<ByteKey> keys(int count) {
		TreeSet<ByteKey> keys = new TreeSet<>();
		for (int i = 0; i < count; i++) {
			keys.add(new ByteKey(new byte[] { (byte) i, (byte) (i * 7) }));
		}
		return keys;
	}

	private static List<FakeSource> sources(TreeSet<ByteKey> all, int shards, boolean reverse, int pageSize,
			java.util.function.Predicate<byte[]> expired) {
		List<FakeSource> sources = new ArrayList<>();
		for (int i = 0; i < shards; i++) {
			sources.add(new FakeSource(pageSize));
		}
		for (ByteKey key : reverse ? all.descendingSet() : all) {
			FakeSource source = sources.get(ShardHash.shardOf(key.bytes(), shards));
			source.keys.add(key.bytes());
			if (expired.test(key.bytes())) {
				source.expired.add(key);
			}
		}
		return sources;
	}

	private static boolean isExpired(List<FakeSource> sources, byte[] key) {
		return sources.stream().anyMatch((source) -> source.expired.contains(new ByteKey(key)));
	}

	/**
	 * A page read: where it started and its {@code Limit}.
	 */
	private record Fetch(int from, int limit) {

	}

	/**
	 * One shard's keys in the read direction, read {@code pageSize} (or the limit) at a
	 * time; expired keys count toward the limit and are left out of the page.
	 */
	private static final class FakeSource implements PageSource {

		private final List<byte[]> keys = new ArrayList<>();

		private final Set<ByteKey> expired = new TreeSet<>();

		private final List<Fetch> fetches = new CopyOnWriteArrayList<>();

		private final int pageSize;

		private Runnable during = () -> {
		};

		FakeSource(int pageSize) {
			this.pageSize = pageSize;
		}

		@Override
		public Page fetch(@Nullable Continuation from, int limit) {
			this.during.run();
			int start = (from != null) ? Integer.parseInt(from.startKey().get("at").n()) : 0;
			this.fetches.add(new Fetch(start, limit));
			int end = Math.min(this.keys.size(),
					start + ((limit > 0) ? Math.min(limit, this.pageSize) : this.pageSize));
			List<byte[]> keys = new ArrayList<>();
			for (byte[] key : this.keys.subList(start, end)) {
				if (!this.expired.contains(new ByteKey(key))) {
					keys.add(key);
				}
			}
			Continuation next = (end < this.keys.size())
					? new Continuation(Map.of("at", AttributeValue.fromN(Integer.toString(end)))) : null;
			return new Page(keys, keys, next);
		}

	}

}
