package io.dynamodown.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

import io.dynamodown.Batch;
import io.dynamodown.Change;
import io.dynamodown.LevelDb;
import io.dynamodown.Subscription;
import io.dynamodown.changes.StartPosition;
import io.dynamodown.changes.SubscriptionOptions;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the change feed ({@code LevelDb.subscribe}) costs on the embedded server:
 * <ul>
 * <li><b>lag</b>: from a put's acknowledgement to the handler's call, for puts at random
 * moments (gaps of 0–200 ms), at the default poll interval of 1 s and at 100 ms: median,
 * 99th percentile and maximum;</li>
 * <li><b>idle</b>: the requests a subscription sends in a minute without changes, by
 * operation, on a stream of one open shard and, per subscription, of four shared by two
 * subscribers;</li>
 * <li><b>throughput</b>: changes delivered per second, from the oldest record, of changes
 * written beforehand with a bulk write, by one and by two subscribers (each a store with
 * a client of its own), at batch sizes 100 (the default) and 1000.</li>
 * </ul>
 * Arguments: {@code --quick} (a sixth of the samples, 20 s idle windows, a tenth of the
 * changes).
 */
public final class ChangeFeedBenchmark {

	private static final Duration DEADLINE = Duration.ofMinutes(10);

	private static final int VALUE_BYTES = 100;

	private final PrintStream out;

	private final boolean quick;

	private int tables;

	private ChangeFeedBenchmark(PrintStream out, boolean quick) {
		this.out = out;
		this.quick = quick;
	}

	/**
	 * Runs the measurements and prints their tables.
	 * @param args {@code [--quick]}
	 * @throws Exception when a measurement fails or misses its deadline
	 */
	public static void main(String[] args) throws Exception {
		for (String arg : args) {
			if (!arg.equals("--quick")) {
				throw new IllegalArgumentException("usage: [--quick], was " + arg);
			}
		}
		PrintStream out = System.out;
		ChangeFeedBenchmark benchmark = new ChangeFeedBenchmark(out, args.length > 0);
		long start = System.nanoTime();
		List<String[]> lag = new ArrayList<>();
		List<String[]> idle = new ArrayList<>();
		List<String[]> throughput = new ArrayList<>();
		try (EmbeddedDynamoDb oneShard = EmbeddedDynamoDb.start();
				EmbeddedDynamoDb fourShards = EmbeddedDynamoDb.builder().streamOpenShards(4).start()) {
			lag.add(benchmark.lag(oneShard, SubscriptionOptions.DEFAULT.pollInterval()));
			lag.add(benchmark.lag(oneShard, Duration.ofMillis(100)));
			idle.add(benchmark.idle(oneShard, 1));
			idle.add(benchmark.idle(fourShards, 2));
			for (int batchSize : new int[] { 100, 1000 }) {
				throughput.add(benchmark.throughput(fourShards, 1, batchSize));
				throughput.add(benchmark.throughput(fourShards, 2, batchSize));
			}
		}
		out.printf(Locale.ROOT, "%n%s, %d cores, Java %s%n%n", benchmark.quick ? "quick" : "full size",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		out.print(MarkdownTable.format(new String[] { "poll interval", "puts", "median ms", "p99 ms", "max ms" }, lag,
				1));
		out.println();
		out.print(MarkdownTable.format(new String[] { "stream", "subscribers", "requests per idle minute", "GetRecords",
				"UpdateItem", "PutItem", "Query", "DescribeStream", "other" }, idle, 2));
		out.println();
		out.print(MarkdownTable.format(new String[] { "subscribers", "batch size", "changes", "seconds", "changes/s",
				"GetRecords", "UpdateItem", "delivered twice" }, throughput, 2));
		out.printf(Locale.ROOT, "%ntotal run %.1f s%n", (System.nanoTime() - start) / 1e9);
		out.flush();
		System.exit(0);
	}

	/**
	 * Puts one key at a time, at random moments, and times each from its acknowledgement
	 * to the handler's call.
	 */
	private String[] lag(EmbeddedDynamoDb server, Duration pollInterval) throws InterruptedException {
		int puts = this.quick ? 60 : 400;
		AtomicLongArray acknowledged = new AtomicLongArray(puts);
		AtomicLongArray handled = new AtomicLongArray(puts);
		CountDownLatch all = new CountDownLatch(puts);
		try (DynamoDbClient client = server.clientBuilder().build();
				LevelDb db = LevelDb.builder(client).table(nextTable("lag")).open();
				Subscription subscription = db.subscribe("lag",
						SubscriptionOptions.DEFAULT.withPollInterval(pollInterval), (change) -> {
							int index = indexOf(change);
							if (handled.compareAndSet(index, 0, System.nanoTime())) {
								all.countDown();
							}
						})) {
			for (int i = 0; i < puts; i++) {
				TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextInt(201));
				db.put(key(i), Integer.toString(i).getBytes(StandardCharsets.UTF_8));
				acknowledged.set(i, System.nanoTime());
			}
			await(all, "lag at " + pollInterval);
		}
		long[] lags = new long[puts];
		for (int i = 0; i < puts; i++) {
			lags[i] = Math.max(0, handled.get(i) - acknowledged.get(i));
		}
		Latencies latencies = Latencies.of(lags);
		this.out.printf(Locale.ROOT, "lag at %s: median %.1f ms, p99 %.1f ms over %d puts%n", pollInterval,
				latencies.median() / 1e6, latencies.p99() / 1e6, puts);
		return new String[] { readable(pollInterval), Integer.toString(puts), millis(latencies.median()),
				millis(latencies.p99()), millis(latencies.max()) };
	}

	/**
	 * Counts the requests of subscriptions over an idle window, after their first lease
	 * rounds, per subscription and minute.
	 */
	private String[] idle(EmbeddedDynamoDb server, int subscribers) throws InterruptedException {
		Duration window = this.quick ? Duration.ofSeconds(20) : Duration.ofSeconds(60);
		String table = nextTable("idle");
		List<AutoCloseable> resources = new ArrayList<>();
		List<OperationCounter> counters = new ArrayList<>();
		try {
			for (int i = 0; i < subscribers; i++) {
				counters.add(subscribe(server, table, "idle", SubscriptionOptions.DEFAULT, (change) -> {
				}, resources));
			}
			// past the first rounds, the hand-backs to the later subscribers included
			TimeUnit.SECONDS.sleep(SubscriptionOptions.DEFAULT.renewInterval().toSeconds() * 2 + 2);
			counters.forEach(OperationCounter::reset);
			long start = System.nanoTime();
			TimeUnit.NANOSECONDS.sleep(window.toNanos());
			double minutes = (System.nanoTime() - start) / 60e9 * subscribers;
			Map<String, Long> counts = new TreeMap<>();
			counters.forEach((counter) -> counter.counts().forEach((op, count) -> counts.merge(op, count, Long::sum)));
			long total = counts.values().stream().mapToLong(Long::longValue).sum();
			long listed = 0;
			String[] operations = { "GetRecords", "UpdateItem", "PutItem", "Query", "DescribeStream" };
			String[] row = new String[4 + operations.length];
			row[0] = (subscribers == 1) ? "1 open shard" : "4 open shards";
			row[1] = Integer.toString(subscribers);
			row[2] = perMinute(total, minutes);
			for (int i = 0; i < operations.length; i++) {
				long count = counts.getOrDefault(operations[i], 0L);
				listed += count;
				row[3 + i] = perMinute(count, minutes);
			}
			row[3 + operations.length] = perMinute(total - listed, minutes);
			this.out.printf(Locale.ROOT, "idle, %d subscriber(s): %s per subscription minute: %s%n", subscribers,
					row[2], counts);
			return row;
		}
		finally {
			closeAll(resources);
		}
	}

	/**
	 * Delivers changes written beforehand, from the oldest record, and times it until
	 * every key was handled.
	 */
	private String[] throughput(EmbeddedDynamoDb server, int subscribers, int batchSize) throws Exception {
		int changes = this.quick ? 10_000 : 100_000;
		String table = nextTable("throughput");
		try (DynamoDbClient writerClient = server.clientBuilder().build();
				LevelDb writer = LevelDb.builder(writerClient).table(table).open()) {
			Batch bulk = writer.bulk();
			byte[] value = new byte[VALUE_BYTES];
			for (int i = 0; i < changes; i++) {
				ThreadLocalRandom.current().nextBytes(value);
				bulk.put(key(i), value.clone());
			}
			bulk.write();
		}
		Set<String> seen = ConcurrentHashMap.newKeySet();
		AtomicLong deliveries = new AtomicLong();
		CountDownLatch all = new CountDownLatch(changes);
		SubscriptionOptions options = SubscriptionOptions.DEFAULT.withStartPosition(StartPosition.TRIM_HORIZON)
			.withBatchSize(batchSize);
		List<AutoCloseable> resources = new ArrayList<>();
		List<OperationCounter> counters = new ArrayList<>();
		long elapsed;
		try {
			long start = System.nanoTime();
			for (int i = 0; i < subscribers; i++) {
				counters.add(subscribe(server, table, "throughput", options, (change) -> {
					deliveries.incrementAndGet();
					if (seen.add(new String(change.key(), StandardCharsets.UTF_8))) {
						all.countDown();
					}
				}, resources));
			}
			await(all, "throughput of " + subscribers + " subscribers");
			elapsed = System.nanoTime() - start;
		}
		finally {
			closeAll(resources);
		}
		long getRecords = counters.stream()
			.mapToLong((counter) -> counter.counts().getOrDefault("GetRecords", 0L))
			.sum();
		long updates = counters.stream().mapToLong((counter) -> counter.counts().getOrDefault("UpdateItem", 0L)).sum();
		double seconds = elapsed / 1e9;
		this.out.printf(Locale.ROOT, "throughput, %d subscriber(s), batch %d: %d changes in %.2f s, %.0f/s%n",
				subscribers, batchSize, changes, seconds, changes / seconds);
		return new String[] { Integer.toString(subscribers), Integer.toString(batchSize), Integer.toString(changes),
				String.format(Locale.ROOT, "%.2f", seconds), String.format(Locale.ROOT, "%.0f", changes / seconds),
				Long.toString(getRecords), Long.toString(updates), Long.toString(deliveries.get() - changes) };
	}

	/**
	 * Opens a store of its own on a client of its own and subscribes it; the client, the
	 * store and the subscription go to the resources to close.
	 * @return the counter of the store's requests
	 */
	private static OperationCounter subscribe(EmbeddedDynamoDb server, String table, String consumer,
			SubscriptionOptions options, Consumer<Change> handler, List<AutoCloseable> resources) {
		OperationCounter counter = new OperationCounter();
		DynamoDbClient client = server.clientBuilder().build();
		resources.add(client);
		LevelDb db = LevelDb.builder(client).table(table).listener(counter).open();
		resources.add(db);
		resources.add(db.subscribe(consumer, options, handler));
		return counter;
	}

	private String nextTable(String name) {
		return "feed-" + name + "-" + (++this.tables);
	}

	private static byte[] key(int index) {
		return String.format(Locale.ROOT, "k%08d", index).getBytes(StandardCharsets.UTF_8);
	}

	private static int indexOf(Change change) {
		return Integer.parseInt(new String(change.value().orElseThrow(), StandardCharsets.UTF_8));
	}

	private static void await(CountDownLatch latch, String what) throws InterruptedException {
		if (!latch.await(DEADLINE.toNanos(), TimeUnit.NANOSECONDS)) {
			throw new IllegalStateException(what + ": " + latch.getCount() + " changes not delivered in " + DEADLINE);
		}
	}

	private static void closeAll(List<AutoCloseable> resources) {
		for (int i = resources.size() - 1; i >= 0; i--) {
			try {
				resources.get(i).close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("closing " + resources.get(i) + " failed", ex);
			}
		}
	}

	private static String perMinute(long count, double minutes) {
		return String.format(Locale.ROOT, "%.1f", count / minutes);
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
	}

	private static String readable(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

}
