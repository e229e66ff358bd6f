package io.dynamodown.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.dynamodown.Batch;
import io.dynamodown.Compression;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.Range;
import io.dynamodown.WritesIncompleteException;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What sharding buys and what it costs, each on an embedded server of its own.
 * <p>
 * Under a cap: the server holds every partition-key value to {@value #CAP} write units a
 * second (reads unlimited), as DynamoDB holds a partition to about 1,000. Keys that only
 * grow ({@code event-000000000001}, …, one 100-byte value each, one write unit) are
 * written to a fresh database of 1, 4 and 16 shards, by one caller of bulk writes of
 * {@value #BULK_KEYS} keys and by {@value #WRITERS} threads of single puts; each
 * measurement first writes for {@value #DRAIN_MILLIS} ms unmeasured (the server lets a
 * partition spend one second of its cap at once), then counts the keys acknowledged in
 * its window, the requests the server held back, and the writes that failed after every
 * retry.
 * <p>
 * Without a cap: a database of 1 and of 8 shards, each loaded with the bulk size of items
 * (200 random bytes each, which do not compress), measured in rounds that alternate which
 * goes first: single gets, puts and deletes, limit-10 range reads from random keys, and a
 * full scan.
 */
final class ShardingBenchmark {

	/** The write units a second each partition-key value may consume under the cap. */
	static final long CAP = 100;

	private static final int[] CAPPED_SHARDS = { 1, 4, 16 };

	private static final int[] SHARDS = { 1, 8 };

	private static final int WRITERS = 16;

	private static final int BULK_KEYS = 100;

	private static final long DRAIN_MILLIS = 1500;

	private static final int CAPPED_VALUE_BYTES = 100;

	private static final int VALUE_BYTES = 200;

	private final PrintStream log;

	private final BenchmarkOptions options;

	/**
	 * Creates the measurements.
	 * @param log where each measurement is printed as it ends
	 * @param options the rounds, sizes and latency
	 */
	ShardingBenchmark(PrintStream log, BenchmarkOptions options) {
		this.log = log;
		this.options = options;
	}

	/**
	 * Writes under the cap, on a capped server.
	 * @return one row per kind of write and shard count
	 */
	List<ShardingTable.CappedRow> capped() {
		Duration window = this.options.sizes().throughputRound();
		Map<String, CappedRuns> runs = new LinkedHashMap<>();
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		try (EmbeddedDynamoDb server = EmbeddedDynamoDb.builder().partitionThroughput(0, CAP).start();
				DynamoDbClient client = Benchmarks.client(server.endpoint(), new RequestMeter(),
						this.options.latency())) {
			for (int round = 0; round < this.options.rounds(); round++) {
				for (String write : List.of("bulk", "16 threads of puts")) {
					for (int i = 0; i < CAPPED_SHARDS.length; i++) {
						int shards = CAPPED_SHARDS[(round % 2 == 0) ? i : CAPPED_SHARDS.length - 1 - i];
						CappedRuns measured = runs.computeIfAbsent(write + "/" + shards,
								(key) -> new CappedRuns(write, shards));
						try (LevelDb db = LevelDb.builder(client)
							.table(Benchmarks.TABLE)
							.hashKey("capped-" + round + "-" + write.charAt(0) + "-" + shards)
							.shards(shards)
							.compression(Compression.none())
							.open()) {
							AtomicLong next = new AtomicLong();
							write(db, write, next, Duration.ofMillis(DRAIN_MILLIS), writers);
							long heldBefore = server.throttledRequests();
							Outcome outcome = write(db, write, next, window, writers);
							long held = server.throttledRequests() - heldBefore;
							long rate = Math.round(outcome.acknowledged() / (outcome.nanos() / 1e9));
							measured.rates.add(rate);
							measured.throttledPerSecond += held / (outcome.nanos() / 1e9);
							measured.failed += outcome.failed();
							this.log.printf(Locale.ROOT,
									"sharding round %d: %s, %d shards: %d keys/s (%.1f x cap), %d requests held back,"
											+ " %d writes failed%n",
									round + 1, write, shards, rate, (double) rate / CAP, held, outcome.failed());
						}
					}
				}
			}
		}
		finally {
			writers.shutdownNow();
		}
		List<ShardingTable.CappedRow> rows = new ArrayList<>();
		runs.values()
			.forEach((measured) -> rows.add(new ShardingTable.CappedRow(measured.write, measured.shards,
					Spread.of(measured.rates.stream().mapToLong(Long::longValue).toArray()),
					measured.throttledPerSecond / measured.rates.size(), measured.failed)));
		return rows;
	}

	private static Outcome write(LevelDb db, String write, AtomicLong next, Duration duration,
			ExecutorService writers) {
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		LongAdder acknowledged = new LongAdder();
		LongAdder failed = new LongAdder();
		byte[] value = new byte[CAPPED_VALUE_BYTES];
		new SplittableRandom(7).nextBytes(value);
		if (write.equals("bulk")) {
			while (System.nanoTime() < deadline) {
				Batch bulk = db.bulk();
				for (int i = 0; i < BULK_KEYS; i++) {
					bulk.put(eventKey(next.getAndIncrement()), value);
				}
				try {
					bulk.write();
					acknowledged.add(BULK_KEYS);
				}
				catch (WritesIncompleteException ex) {
					acknowledged.add(BULK_KEYS - ex.unwrittenKeys().size());
					failed.add(ex.unwrittenKeys().size());
				}
			}
		}
		else {
			List<Future<?>> running = new ArrayList<>(WRITERS);
			for (int t = 0; t < WRITERS; t++) {
				running.add(writers.submit(() -> {
					while (System.nanoTime() < deadline) {
						try {
							db.put(eventKey(next.getAndIncrement()), value);
							acknowledged.increment();
						}
						catch (LevelDbException ex) {
							failed.increment();
						}
					}
				}));
			}
			running.forEach(ShardingBenchmark::join);
		}
		return new Outcome(acknowledged.sum(), failed.sum(), System.nanoTime() - start);
	}

	/**
	 * Point operations, limited reads and full scans, on a server without caps.
	 * @return one row per workload and shard count
	 */
	List<ShardingTable.UncappedRow> uncapped() {
		int items = this.options.sizes().bulk();
		int points = this.options.sizes().singleOps() / 2;
		int limitReads = this.options.sizes().limitReads();
		RequestMeter meter = new RequestMeter();
		Map<String, UncappedRuns> runs = new LinkedHashMap<>();
		try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start();
				DynamoDbClient client = Benchmarks.client(server.endpoint(), new RequestMeter(),
						this.options.latency())) {
			List<LevelDb> stores = new ArrayList<>(SHARDS.length);
			for (int shards : SHARDS) {
				LevelDb db = LevelDb.builder(client)
					.table(Benchmarks.TABLE)
					.hashKey("sharded-" + shards)
					.shards(shards)
					.listener(meter)
					.open();
				stores.add(db);
				Batch bulk = db.bulk();
				SplittableRandom values = new SplittableRandom(shards);
				for (int i = 0; i < items; i++) {
					byte[] value = new byte[VALUE_BYTES];
					values.nextBytes(value);
					bulk.put(itemKey(i), value);
				}
				bulk.write();
			}
			int total = this.options.warmups() + this.options.rounds();
			for (int round = 0; round < total; round++) {
				boolean measured = round >= this.options.warmups();
				for (int i = 0; i < SHARDS.length; i++) {
					int index = (round % 2 == 0) ? i : SHARDS.length - 1 - i;
					int shards = SHARDS[index];
					LevelDb db = stores.get(index);
					SplittableRandom random = new SplittableRandom(round);
					for (Task workload : workloads(items, points, limitReads, random)) {
						meter.reset();
						long start = System.nanoTime();
						workload.run(db);
						long nanos = System.nanoTime() - start;
						if (measured) {
							UncappedRuns workloadRuns = runs.computeIfAbsent(workload.name() + "/" + shards,
									(key) -> new UncappedRuns());
							workloadRuns.times.add(nanos);
							workloadRuns.reading = meter.read();
						}
					}
				}
			}
			stores.forEach(LevelDb::close);
		}
		List<ShardingTable.UncappedRow> rows = new ArrayList<>();
		for (Task workload : workloads(items, points, limitReads, new SplittableRandom(0))) {
			for (int shards : SHARDS) {
				UncappedRuns measured = Objects.requireNonNull(runs.get(workload.name() + "/" + shards));
				rows.add(new ShardingTable.UncappedRow(workload.name(), workload.what(), shards,
						Spread.of(measured.times.stream().mapToLong(Long::longValue).toArray()),
						measured.reading.requests(), measured.reading.capacity()));
			}
		}
		return rows;
	}

	private static List<Task> workloads(int items, int points, int limitReads, SplittableRandom random) {
		return List.of(new Task("get", points + " x get", (db) -> {
			for (int i = 0; i < points; i++) {
				if (db.get(itemKey(random.nextInt(items))).isEmpty()) {
					throw new IllegalStateException("a loaded key is missing");
				}
			}
		}), new Task("put", points + " x put", (db) -> {
			for (int i = 0; i < points; i++) {
				db.put(utf8(String.format(Locale.ROOT, "put-%06d", i)), new byte[VALUE_BYTES]);
			}
		}), new Task("delete", points + " x delete", (db) -> {
			for (int i = 0; i < points; i++) {
				db.delete(utf8(String.format(Locale.ROOT, "put-%06d", i)));
			}
		}), new Task("limit-10", limitReads + " x gte(random).limit(10)", (db) -> {
			for (int i = 0; i < limitReads; i++) {
				int from = random.nextInt(items - 10);
				if (db.keys(Range.all().gte(itemKey(from)).limit(10)).all().size() != 10) {
					throw new IllegalStateException("a limit-10 read did not return 10 keys");
				}
			}
		}), new Task("scan", "iterator(Range.all()) of " + items, (db) -> {
			long count = db.iterator(Range.all()).stream().count();
			if (count != items + 0L) {
				throw new IllegalStateException("a full scan read " + count + " of " + items + " items");
			}
		}));
	}

	private static byte[] eventKey(long n) {
		return utf8(String.format(Locale.ROOT, "event-%012d", n));
	}

	private static byte[] itemKey(int n) {
		return utf8(String.format(Locale.ROOT, "key-%08d", n));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void join(Future<?> future) {
		try {
			future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a writer failed", ex.getCause());
		}
	}

	/**
	 * The rounds of one kind of write on one shard count, under the cap.
	 */
	private static final class CappedRuns {

		private final String write;

		private final int shards;

		private final List<Long> rates = new ArrayList<>();

		private double throttledPerSecond;

		private long failed;

		CappedRuns(String write, int shards) {
			this.write = write;
			this.shards = shards;
		}

	}

	/**
	 * The rounds of one workload on one shard count, without a cap: their times, and the
	 * requests and capacity of the last (every round sends the same).
	 */
	private static final class UncappedRuns {

		private final List<Long> times = new ArrayList<>();

		private RequestMeter.Reading reading = new RequestMeter.Reading(0, 0);

	}

	/**
	 * The keys acknowledged and failed by one measurement, and how long it took (the
	 * writes under way at the end of the window included).
	 */
	private record Outcome(long acknowledged, long failed, long nanos) {

	}

	/**
	 * One workload, run the same way on each database.
	 */
	private record Task(String name, String what, Consumer<LevelDb> body) {

		void run(LevelDb db) {
			this.body.accept(db);
		}

	}

}
