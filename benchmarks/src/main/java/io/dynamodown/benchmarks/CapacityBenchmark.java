package io.dynamodown.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import io.dynamodown.Entry;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelIterator;
import io.dynamodown.Range;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * What storing the same values costs with dynamodown (its defaults: compression on,
 * chunks for large values) and with the raw SDK storing them uncompressed, on one
 * embedded DynamoDB server: consumed write capacity, read capacity of point reads and of
 * a scan, stored bytes, requests and time, per dataset ({@link CapacityDataset}).
 * <p>
 * Each side stores each dataset under its own hash key of one table, with the raw SDK's
 * layout ({@link RawSdkStore}): one {@code PutItem} per value, one {@code GetItem} per
 * value, a {@code Query} loop for the scan, strongly consistent reads,
 * {@code ReturnConsumedCapacity=TOTAL}; dynamodown's {@code put}, {@code get} and
 * {@code iterator}. A round empties both hash keys (unmeasured), writes every value,
 * reads every value by key, scans all, and sums the stored items' sizes with a raw
 * {@code Query} of the whole hash key (chunk items included). Within a phase the sides
 * alternate every ten values (the scan: the side going first alternates from round to
 * round). Every value read must equal the value written, byte for byte, or the run fails.
 * Arguments: {@code --rounds N} (measured rounds, default 3; the time is the median
 * round), {@code --warmup N} (unmeasured rounds first, default 1), {@code --latency-ms N}
 * (a delay before every request of both sides).
 */
public final class CapacityBenchmark {

	private static final String TABLE = Benchmarks.TABLE;

	private static final int SLICE = 10;

	private final BenchmarkOptions options;

	private final DynamoDbClient dynamodownClient;

	private final DynamoDbClient rawClient;

	private final DynamoDbClient inspector;

	private final RequestMeter dynamodownListener = new RequestMeter();

	private final RequestMeter dynamodownWire;

	private final RequestMeter rawWire;

	private final PrintStream log;

	private CapacityBenchmark(BenchmarkOptions options, Clients clients, PrintStream log) {
		this.options = options;
		this.dynamodownClient = clients.dynamodown();
		this.rawClient = clients.raw();
		this.inspector = clients.inspector();
		this.dynamodownWire = clients.dynamodownWire();
		this.rawWire = clients.rawWire();
		this.log = log;
	}

	/**
	 * Runs the benchmark and prints the table.
	 * @param args {@code [--rounds N] [--warmup N] [--latency-ms N]}
	 */
	public static void main(String[] args) {
		BenchmarkOptions options = BenchmarkOptions.parse(args);
		PrintStream out = System.out;
		long start = System.nanoTime();
		List<CapacityDataset> datasets = CapacityDataset.all(JsonCorpus.load());
		List<CapacityTable.Row> rows = new ArrayList<>();
		RequestMeter dynamodownWire = new RequestMeter();
		RequestMeter rawWire = new RequestMeter();
		try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start();
				DynamoDbClient dynamodownClient = Benchmarks.client(server.endpoint(), dynamodownWire,
						options.latency());
				DynamoDbClient rawClient = Benchmarks.client(server.endpoint(), rawWire, options.latency());
				DynamoDbClient inspector = Benchmarks.client(server.endpoint(), new RequestMeter(), Duration.ZERO)) {
			CapacityBenchmark benchmark = new CapacityBenchmark(options,
					new Clients(dynamodownClient, dynamodownWire, rawClient, rawWire, inspector), out);
			for (int i = 0; i < datasets.size(); i++) {
				rows.add(benchmark.run(datasets.get(i), "dd-" + i, "rw-" + i));
			}
		}
		out.println();
		out.printf(Locale.ROOT, "%d measured rounds (median time) after %d warm-up, %s, %d cores, Java %s%n%n",
				options.rounds(), options.warmups(),
				options.latency().isZero() ? "no added latency"
						: options.latency().toMillis() + " ms added before every request",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		out.print(CapacityTable.format(rows));
		out.printf(Locale.ROOT,
				"%nratios in parentheses: dynamodown / raw SDK; capacity as the embedded server reports it; "
						+ "(e): the raw SDK cannot store a value above 400 KB; total run %.1f s%n",
				(System.nanoTime() - start) / 1e9);
		out.flush();
		System.exit(0);
	}

	private CapacityTable.Row run(CapacityDataset dataset, String dynamodownHashKey, String rawHashKey) {
		Store dynamodown = new DynamodownStore(LevelDb.builder(this.dynamodownClient)
			.table(TABLE)
			.hashKey(dynamodownHashKey)
			.listener(this.dynamodownListener)
			.open());
		@Nullable Store raw = dataset.rawSide() ? new RawStore(new RawSdkStore(this.rawClient, TABLE, rawHashKey)) : null;
		if (raw == null) {
			this.log.printf(Locale.ROOT, "%s: the raw SDK cannot store it: %s%n", dataset.name(),
					refusal(rawHashKey, dataset.values().get(0)));
		}
		List<String> hashKeys = (raw != null) ? List.of(dynamodownHashKey, rawHashKey) : List.of(dynamodownHashKey);
		for (int i = 0; i < this.options.warmups(); i++) {
			round(dataset, hashKeys, dynamodown, raw, i);
		}
		int rounds = this.options.rounds();
		long[][] nanos = new long[2][rounds];
		CapacityTable.@Nullable Side[] first = round(dataset, hashKeys, dynamodown, raw, this.options.warmups());
		for (int i = 0; i < rounds; i++) {
			CapacityTable.@Nullable Side[] sides = (i == 0) ? first
					: round(dataset, hashKeys, dynamodown, raw, this.options.warmups() + i);
			if (!sameCost(first, sides)) {
				this.log.printf(Locale.ROOT, "%s: round %d cost differs from round 1 (table shows round 1)%n",
						dataset.name(), i + 1);
			}
			for (int side = 0; side < 2; side++) {
				CapacityTable.Side result = sides[side];
				nanos[side][i] = (result != null) ? result.nanos() : 0;
			}
		}
		CapacityTable.Side firstDynamodown = first[0];
		CapacityTable.Side firstRaw = first[1];
		if (firstDynamodown == null) {
			throw new IllegalStateException(dataset.name() + ": dynamodown did not run");
		}
		CapacityTable.Side dd = withNanos(firstDynamodown, AlternatingRunner.median(nanos[0]));
		CapacityTable.Side rawSide = (firstRaw != null) ? withNanos(firstRaw, AlternatingRunner.median(nanos[1]))
				: null;
		return new CapacityTable.Row(dataset.name(), dataset.values().size(), dataset.bytes(), dd, rawSide);
	}

	/**
	 * One round: both hash keys emptied, then the write, get and scan phases, the sides
	 * interleaved, then the stored items summed.
	 */
	private CapacityTable.@Nullable Side[] round(CapacityDataset dataset, List<String> hashKeys, Store dynamodown,
			@Nullable Store raw, int number) {
		for (String hashKey : hashKeys) {
			new RawSdkStore(this.inspector, TABLE, hashKey).clear();
		}
		List<byte[]> values = dataset.values();
		int n = values.size();
		Store[] stores = { dynamodown, raw };
		long[] nanos = new long[2];
		Phase write = phase(stores, nanos, number, n, (store, i) -> store.put(CapacityDataset.key(i), values.get(i)));
		Phase get = phase(stores, nanos, number, n, (store, i) -> {
			byte[] read = store.get(CapacityDataset.key(i));
			if (read == null || !Arrays.equals(read, values.get(i))) {
				throw new IllegalStateException(dataset.name() + ": " + store.name() + " read back a different value "
						+ "for key " + i + ((read == null) ? " (none)" : " (" + read.length + " bytes)"));
			}
		});
		Phase scan = phase(stores, nanos, number, 1, (store, ignored) -> {
			int[] count = new int[1];
			store.scan((key, value) -> {
				int i = count[0]++;
				if (i >= n || !Arrays.equals(key, CapacityDataset.key(i)) || !Arrays.equals(value, values.get(i))) {
					throw new IllegalStateException(
							dataset.name() + ": " + store.name() + " scanned a different entry at position " + i);
				}
			});
			if (count[0] != n) {
				throw new IllegalStateException(
						dataset.name() + ": " + store.name() + " scanned " + count[0] + " entries, not " + n);
			}
		});
		CapacityTable.@Nullable Side[] sides = new CapacityTable.Side[2];
		for (int side = 0; side < 2; side++) {
			if (stores[side] != null) {
				long[] stored = stored(hashKeys.get(side));
				sides[side] = new CapacityTable.Side(stored[0], stored[1], write.readings()[side], get.readings()[side],
						scan.readings()[side], nanos[side]);
				this.log.printf(Locale.ROOT,
						"%-26s %-9s %-10s %9.1f ms  write %6d req %9.1f cu  get %6d req %9.1f cu  "
								+ "scan %4d req %8.1f cu  stored %,12d B in %6d items%n",
						dataset.name(), label(number), stores[side].name(), nanos[side] / 1e6,
						write.readings()[side].requests(), write.readings()[side].capacity(),
						get.readings()[side].requests(), get.readings()[side].capacity(),
						scan.readings()[side].requests(), scan.readings()[side].capacity(), stored[0], stored[1]);
			}
		}
		return sides;
	}

	/**
	 * Runs one phase over every value: slices of {@link #SLICE} values, the side going
	 * first alternating from slice to slice and from round to round.
	 */
	private Phase phase(@Nullable Store[] stores, long[] nanos, int round, int count, Step step) {
		this.dynamodownListener.reset();
		this.dynamodownWire.reset();
		this.rawWire.reset();
		for (int slice = 0; slice * SLICE < count; slice++) {
			for (int turn = 0; turn < 2; turn++) {
				int side = (round + slice + turn) % 2;
				Store store = stores[side];
				if (store == null) {
					continue;
				}
				long start = System.nanoTime();
				for (int i = slice * SLICE; i < Math.min(count, (slice + 1) * SLICE); i++) {
					step.apply(store, i);
				}
				nanos[side] += System.nanoTime() - start;
			}
		}
		RequestMeter.Reading dynamodown = this.dynamodownListener.read();
		long sent = this.dynamodownWire.read().requests();
		if (sent != dynamodown.requests()) {
			throw new IllegalStateException(
					"dynamodown's listener counted " + dynamodown.requests() + " requests, its client sent " + sent);
		}
		return new Phase(new RequestMeter.Reading[] { dynamodown, this.rawWire.read() });
	}

	/**
	 * The sizes of every item under a hash key, as DynamoDB counts them, and how many
	 * there are: a raw {@code Query} of the whole hash key, chunk items included.
	 */
	private long[] stored(String hashKey) {
		long bytes = 0;
		long items = 0;
		Map<String, AttributeValue> start = null;
		do {
			QueryResponse page = this.inspector.query(QueryRequest.builder()
				.tableName(TABLE)
				.keyConditionExpression("hkey = :h")
				.expressionAttributeValues(Map.of(":h", AttributeValue.fromS(hashKey)))
				.consistentRead(true)
				.exclusiveStartKey(start)
				.build());
			for (Map<String, AttributeValue> item : page.items()) {
				bytes += ItemSize.of(item);
				items++;
			}
			start = (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) ? page.lastEvaluatedKey() : null;
		}
		while (start != null);
		return new long[] { bytes, items };
	}

	/**
	 * What DynamoDB answers when the raw SDK puts a value above 400 KB (the hash key is
	 * left empty either way).
	 */
	private String refusal(String hashKey, byte[] value) {
		try {
			new RawSdkStore(this.inspector, TABLE, hashKey).put(CapacityDataset.key(0), value);
			new RawSdkStore(this.inspector, TABLE, hashKey).clear();
			return "accepted (unexpected)";
		}
		catch (DynamoDbException ex) {
			return "PutItem of " + value.length + " bytes refused: " + ex.awsErrorDetails().errorMessage();
		}
	}

	private String label(int round) {
		int warmups = this.options.warmups();
		return (round < warmups) ? "warm-up " + (round + 1) : "round " + (round - warmups + 1);
	}

	private static boolean sameCost(CapacityTable.@Nullable Side[] a, CapacityTable.@Nullable Side[] b) {
		for (int side = 0; side < 2; side++) {
			if (a[side] != null && b[side] != null && !withNanos(a[side], 0).equals(withNanos(b[side], 0))) {
				return false;
			}
		}
		return true;
	}

	private static CapacityTable.Side withNanos(CapacityTable.Side side, long nanos) {
		return new CapacityTable.Side(side.storedBytes(), side.items(), side.write(), side.get(), side.scan(), nanos);
	}

	/** One step of a phase: the work for one value (or the whole scan) on one side. */
	@FunctionalInterface
	private interface Step {

		void apply(Store store, int index);

	}

	/** The readings of a phase, dynamodown's first. */
	private record Phase(RequestMeter.Reading[] readings) {

	}

	/**
	 * The clients: one per side, each with its meter, and one unmetered for inspection.
	 */
	private record Clients(DynamoDbClient dynamodown, RequestMeter dynamodownWire, DynamoDbClient raw,
			RequestMeter rawWire, DynamoDbClient inspector) {

	}

	/** A side's store: what the benchmark does with it. */
	private interface Store {

		String name();

		void put(byte[] key, byte[] value);

		byte @Nullable [] get(byte[] key);

		void scan(BiConsumer<byte[], byte[]> consumer);

	}

	private record DynamodownStore(LevelDb db) implements Store {

		@Override
		public String name() {
			return "dynamodown";
		}

		@Override
		public void put(byte[] key, byte[] value) {
			this.db.put(key, value);
		}

		@Override
		public byte @Nullable [] get(byte[] key) {
			return this.db.get(key).orElse(null);
		}

		@Override
		public void scan(BiConsumer<byte[], byte[]> consumer) {
			try (LevelIterator<Entry> entries = this.db.iterator(Range.all())) {
				while (entries.hasNext()) {
					Entry entry = entries.next();
					consumer.accept(entry.key(), entry.value());
				}
			}
		}

	}

	private record RawStore(RawSdkStore raw) implements Store {

		@Override
		public String name() {
			return "raw SDK";
		}

		@Override
		public void put(byte[] key, byte[] value) {
			this.raw.put(key, value);
		}

		@Override
		public byte @Nullable [] get(byte[] key) {
			return this.raw.get(key);
		}

		@Override
		public void scan(BiConsumer<byte[], byte[]> consumer) {
			this.raw.scan(false, consumer);
		}

	}

}
