package io.dynamodown.fault;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.dynamodown.Batch;
import io.dynamodown.Entry;
import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.Range;
import io.dynamodown.WritesIncompleteException;
import io.dynamodown.fault.FaultInjectingProxy.Fault;
import io.dynamodown.fault.FaultInjectingProxy.Plan;
import io.dynamodown.internal.key.ByteKey;
import io.dynamodown.internal.key.ByteKeys;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.support.Bytes;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RawItems;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long run of mixed operations through a proxy that faults a third of the requests (a
 * few of them never answered, or answered only after the client gave up): every
 * acknowledged write must be readable, and nothing that was never written may appear.
 * Operations that failed leave their keys uncertain (old or new state) until a read or a
 * later acknowledged write settles them.
 * <p>
 * Workers run concurrently, each in its own sublevel with its own model and its own store
 * (all on one table); half of them use a client whose SDK makes only 3 attempts, so that
 * failures (and unknown outcomes after a connection dropped after forwarding) reach the
 * store and its callers often. It runs on a database of one shard and of seven. Override
 * with {@code -Dsoak.seed=...} and {@code -Dsoak.operations=...}.
 */
class FaultSoakTests {

	private static final long SEED = Long.getLong("soak.seed", 20261124L);

	private static final int OPERATIONS = Integer.getInteger("soak.operations", 10_000);

	private static final int WORKERS = 4;

	private static final int KEYS_PER_WORKER = 120;

	/**
	 * One value in this many is too large for one item (420 KB to 1 MB, stored in
	 * chunks).
	 */
	private static final int LARGE_EVERY = 150;

	private static final Set<ErrorCode> EXPECTED_CODES = EnumSet.of(ErrorCode.THROTTLED, ErrorCode.REQUEST_FAILED,
			ErrorCode.WRITES_INCOMPLETE, ErrorCode.TRANSACTION_CANCELLED, ErrorCode.TIMEOUT);

	static final Plan SOAK_PLAN = new Plan(Map.ofEntries(Map.entry(Fault.PROVISIONED_THROUGHPUT_EXCEEDED, 0.06),
			Map.entry(Fault.THROTTLING, 0.06), Map.entry(Fault.INTERNAL_SERVER_ERROR, 0.05),
			Map.entry(Fault.SERVICE_UNAVAILABLE, 0.05), Map.entry(Fault.CLOSE_BEFORE_FORWARD, 0.05),
			Map.entry(Fault.CLOSE_AFTER_FORWARD, 0.05), Map.entry(Fault.SLOW, 0.02),
			Map.entry(Fault.PARTIAL_BATCH, 0.20), Map.entry(Fault.TRANSACTION_CONFLICT, 0.05),
			Map.entry(Fault.HANG, 0.002), Map.entry(Fault.LATE, 0.002)), Set.of(), Duration.ofMillis(20),
			Duration.ofMillis(1500));

	/**
	 * Each attempt may wait this long for an answer: a hung or late one is abandoned and
	 * retried by the SDK.
	 */
	private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

	/** The longest a request may take, the SDK's retries included. */
	private static final Duration TIMEOUT = Duration.ofSeconds(4);

	@ParameterizedTest(name = "{0} shards")
	@ValueSource(ints = { 1, 7 })
	void acknowledgedWritesSurviveFaultsAndNothingUnwrittenAppears(int shards) throws Exception {
		long started = System.nanoTime();
		String table = LocalDynamo.freshTable();
		RecordingListener listener = new RecordingListener();
		Map<String, LongAdder> failures = new ConcurrentHashMap<>();
		List<Throwable> unexpected = new CopyOnWriteArrayList<>();
		List<Worker> workers = new ArrayList<>();
		try (FaultInjectingProxy proxy = FaultInjectingProxy.start(FaultClients.upstream(), SEED);
				DynamoDbClient patient = FaultClients.client(proxy.endpoint(), 10);
				DynamoDbClient impatient = FaultClients.client(proxy.endpoint(), 3)) {
			List<LevelDb> stores = new ArrayList<>();
			for (int i = 0; i < WORKERS; i++) {
				LevelDb store = FaultClients.store((i % 2 == 0) ? patient : impatient, table, listener)
					.shards(shards)
					.attemptTimeout(ATTEMPT_TIMEOUT)
					.timeout(TIMEOUT)
					.open();
				stores.add(store);
				workers.add(new Worker(i, store.sublevel("w" + i), new SplittableRandom(SEED * 31 + i), failures,
						unexpected));
			}
			proxy.resetCounts();
			listener.reset();
			proxy.plan(SOAK_PLAN);
			ExecutorService threads = Executors.newFixedThreadPool(WORKERS);
			try {
				List<Future<?>> done = new ArrayList<>();
				for (Worker worker : workers) {
					done.add(threads.submit(() -> worker.run(operations(shards) / WORKERS)));
				}
				for (Future<?> future : done) {
					future.get(10, TimeUnit.MINUTES);
				}
			}
			finally {
				threads.shutdownNow();
				proxy.plan(Plan.NONE);
				stores.forEach(LevelDb::close);
			}
			// read everything back directly from the embedded server, without the proxy
			long lost = 0;
			long phantoms = 0;
			List<String> violations = new ArrayList<>();
			long removed;
			int chunks;
			try (LevelDb clean = LevelDb.builder(LocalDynamo.client())
				.table(table)
				.shards(shards)
				.clock(Clock.offset(Clock.systemUTC(), LevelDb.REPAIR_MIN_AGE.plusMinutes(1)))
				.open()) {
				for (Worker worker : workers) {
					worker.model.observeRange(Range.all(),
							clean.sublevel("w" + worker.index).iterator(Range.all()).all(),
							"final read of w" + worker.index);
					lost += worker.model.lost();
					phantoms += worker.model.phantoms();
					violations.addAll(worker.model.violations());
				}
				for (byte[] key : clean.keys(Range.all()).all()) {
					boolean inSublevel = false;
					for (Worker worker : workers) {
						inSublevel |= Bytes.startsWith(key,
								("!w" + worker.index + "!").getBytes(StandardCharsets.UTF_8));
					}
					if (!inSublevel) {
						phantoms++;
						violations.add("key outside every sublevel: " + ByteKeys.hex(key));
					}
				}
				int before = RawItems.chunkCount(clean);
				removed = clean.repair();
				chunks = RawItems.chunkCount(clean);
				assertThat(before - chunks).isEqualTo(removed);
				assertThat(chunks).as("after repair, only the chunks of live values")
					.isEqualTo(RawItems.referencedChunkCount(clean));
			}
			long operations = workers.stream().mapToLong((w) -> w.operations).sum();
			double faultedShare = (double) proxy.totalFaults() / proxy.totalRequests();
			Map<String, Long> outcomes = new LinkedHashMap<>();
			for (RequestEvent event : listener.requests()) {
				outcomes.merge(event.outcome().name(), 1L, Long::sum);
			}
			System.out.printf(
					"fault soak: %d shards, seed %d, %d operations (%d workers), %d requests at the proxy %s, faults %d (%.1f%%) %s, "
							+ "%d items/keys withheld, operations failed %s, lost writes %d, phantoms %d, "
							+ "uncertain keys settled by the final read, listener: %d events %s, %d retries, "
							+ "%d large values, %d live chunks, %d orphaned chunks removed by repair, elapsed %d ms%n",
					shards, SEED, operations, WORKERS, proxy.totalRequests(), proxy.requestsByOperation(),
					proxy.totalFaults(), 100 * faultedShare, proxy.faultsByKind(), proxy.withheldItems(), failures,
					lost, phantoms, listener.total(), outcomes, listener.retries().size(),
					workers.stream().mapToLong((w) -> w.largeValues).sum(), chunks, removed,
					Duration.ofNanos(System.nanoTime() - started).toMillis());
			assertThat(unexpected).as("exceptions other than LevelDbException with an expected code").isEmpty();
			assertThat(violations).as("lost writes and phantoms").isEmpty();
			assertThat(lost).isZero();
			assertThat(phantoms).isZero();
			assertThat(operations).isGreaterThanOrEqualTo(operations(shards) - WORKERS);
			assertThat(faultedShare).isGreaterThanOrEqualTo(0.30);
			for (Fault fault : Fault.values()) {
				assertThat(proxy.faults(fault)).as("faults of kind %s", fault).isPositive();
			}
		}
	}

	/**
	 * The operations of a run: half for seven shards, whose range operations send seven
	 * queries each (as many requests in all as the run of one shard).
	 */
	private static int operations(int shards) {
		return (shards == 1) ? OPERATIONS : OPERATIONS / 2;
	}

	/** One thread's operations on its own sublevel, checked against its own model. */
	private static final class Worker {

		private final int index;

		private final LevelDb db;

		private final SplittableRandom random;

		private final Map<String, LongAdder> failures;

		private final List<Throwable> unexpected;

		private final List<byte[]> keys = new ArrayList<>();

		private final UncertainModel model = new UncertainModel();

		private long operations;

		private long values;

		private long largeValues;

		Worker(int index, LevelDb db, SplittableRandom random, Map<String, LongAdder> failures,
				List<Throwable> unexpected) {
			this.index = index;
			this.db = db;
			this.random = random;
			this.failures = failures;
			this.unexpected = unexpected;
			Set<ByteKey> distinct = new HashSet<>();
			distinct.add(new ByteKey(new byte[0]));
			distinct.add(new ByteKey(new byte[] { 0 }));
			distinct.add(new ByteKey(new byte[] { (byte) 0xff, (byte) 0xff }));
			while (distinct.size() < KEYS_PER_WORKER) {
				byte[] key = new byte[1 + random.nextInt(8)];
				for (int i = 0; i < key.length; i++) {
					key[i] = (byte) ((random.nextInt(4) == 0) ? random.nextInt(256) : 'a' + random.nextInt(6));
				}
				distinct.add(new ByteKey(key));
			}
			distinct.forEach((key) -> this.keys.add(key.bytes()));
			this.keys.sort(Bytes.ORDER);
		}

		void run(int count) {
			for (int i = 0; i < count; i++) {
				this.operations++;
				int roll = this.random.nextInt(100);
				String kind = (roll < 28) ? "put" : (roll < 40) ? "delete" : (roll < 52) ? "get" : (roll < 62) ? "batch"
						: (roll < 70) ? "bulk" : (roll < 80) ? "getMany" : (roll < 97) ? "iterate" : "clear";
				try {
					switch (kind) {
						case "put" -> put();
						case "delete" -> delete();
						case "get" -> get();
						case "batch" -> batch();
						case "bulk" -> bulk();
						case "getMany" -> getMany();
						case "iterate" -> iterate();
						default -> clear();
					}
				}
				catch (LevelDbException ex) {
					if (!EXPECTED_CODES.contains(ex.code())) {
						this.unexpected.add(ex);
					}
					this.failures.computeIfAbsent(kind + "/" + ex.code(), (k) -> new LongAdder()).increment();
				}
				catch (RuntimeException ex) {
					this.unexpected.add(ex);
					this.failures.computeIfAbsent(kind + "/" + ex.getClass().getSimpleName(), (k) -> new LongAdder())
						.increment();
				}
			}
		}

		private byte[] key() {
			return this.keys.get(this.random.nextInt(this.keys.size()));
		}

		private byte[] value() {
			boolean large = this.random.nextInt(LARGE_EVERY) == 0;
			byte[] tail = new byte[large ? 420_000 + this.random.nextInt(600_000) : this.random.nextInt(40)];
			this.largeValues += large ? 1 : 0;
			this.random.nextBytes(tail);
			return ByteKeys.concat(("w" + this.index + "v" + (++this.values) + ":").getBytes(StandardCharsets.UTF_8),
					tail);
		}

		private void put() {
			byte[] key = key();
			byte[] value = value();
			try {
				this.db.put(key, value);
			}
			catch (LevelDbException ex) {
				this.model.unknown(key, value);
				throw ex;
			}
			this.model.acknowledged(key, value);
		}

		private void delete() {
			byte[] key = key();
			try {
				this.db.delete(key);
			}
			catch (LevelDbException ex) {
				this.model.unknown(key, null);
				throw ex;
			}
			this.model.acknowledged(key, null);
		}

		private void get() {
			byte[] key = key();
			this.model.observe(key, this.db.get(key), "get");
		}

		private void batch() {
			Batch batch = this.db.batch();
			Map<ByteKey, byte[]> last = writes(batch, 2 + this.random.nextInt(8));
			try {
				batch.write();
			}
			catch (LevelDbException ex) {
				last.forEach((key, value) -> this.model.unknown(key.bytes(), value));
				throw ex;
			}
			last.forEach((key, value) -> this.model.acknowledged(key.bytes(), value));
		}

		private void bulk() {
			Batch bulk = this.db.bulk();
			Map<ByteKey, byte[]> last = writes(bulk, 5 + this.random.nextInt(30));
			try {
				bulk.write();
			}
			catch (WritesIncompleteException ex) {
				Set<ByteKey> unwritten = new HashSet<>();
				ex.unwrittenKeys().forEach((key) -> unwritten.add(new ByteKey(key)));
				last.forEach((key, value) -> {
					if (unwritten.contains(key)) {
						this.model.unknown(key.bytes(), value);
					}
					else {
						this.model.acknowledged(key.bytes(), value);
					}
				});
				throw ex;
			}
			catch (LevelDbException ex) {
				last.forEach((key, value) -> this.model.unknown(key.bytes(), value));
				this.unexpected.add(new AssertionError("bulk write failed without naming its unwritten keys", ex));
				throw ex;
			}
			last.forEach((key, value) -> this.model.acknowledged(key.bytes(), value));
		}

		private Map<ByteKey, byte[]> writes(Batch batch, int count) {
			Map<ByteKey, byte[]> last = new LinkedHashMap<>();
			for (int i = 0; i < count; i++) {
				byte[] key = key();
				if (this.random.nextInt(4) == 0) {
					batch.delete(key);
					last.put(new ByteKey(key), null);
				}
				else {
					byte[] value = value();
					batch.put(key, value);
					last.put(new ByteKey(key), value);
				}
			}
			return last;
		}

		private void getMany() {
			List<byte[]> wanted = new ArrayList<>();
			int count = 1 + this.random.nextInt(40);
			for (int i = 0; i < count; i++) {
				wanted.add(key());
			}
			List<Optional<byte[]>> read = this.db.getMany(wanted);
			assertThat(read).hasSameSizeAs(wanted);
			for (int i = 0; i < wanted.size(); i++) {
				this.model.observe(wanted.get(i), read.get(i), "getMany");
			}
		}

		private void iterate() {
			Range range = randomRange();
			if (this.model.anyUncertainIn(range)) {
				range = range.limit(Range.UNLIMITED);
			}
			List<Entry> read = this.db.iterator(range).all();
			this.model.observeRange(range, read, "iterate");
		}

		private void clear() {
			Range range = randomRange().limit(Range.UNLIMITED);
			List<byte[]> inRange = this.keys.stream().filter((key) -> UncertainModel.inRange(key, range)).toList();
			try {
				this.db.clear(range);
			}
			catch (WritesIncompleteException ex) {
				Set<ByteKey> unwritten = new HashSet<>();
				ex.unwrittenKeys().forEach((key) -> unwritten.add(new ByteKey(key)));
				for (byte[] key : inRange) {
					if (unwritten.contains(new ByteKey(key))) {
						this.model.unknown(key, null);
					}
					else {
						this.model.acknowledged(key, null);
					}
				}
				throw ex;
			}
			catch (LevelDbException ex) {
				inRange.forEach((key) -> this.model.unknown(key, null));
				throw ex;
			}
			inRange.forEach((key) -> this.model.acknowledged(key, null));
		}

		private Range randomRange() {
			Range range = Range.all();
			byte[] a = key();
			byte[] b = key();
			byte[] low = (ByteKeys.compare(a, b) <= 0) ? a : b;
			byte[] high = (low == a) ? b : a;
			switch (this.random.nextInt(3)) {
				case 0 -> range = range.gte(low);
				case 1 -> range = range.gt(low);
				default -> {
				}
			}
			switch (this.random.nextInt(3)) {
				case 0 -> range = range.lte(high);
				case 1 -> range = range.lt(high);
				default -> {
				}
			}
			if (this.random.nextBoolean()) {
				range = range.reverse();
			}
			if (this.random.nextInt(3) == 0) {
				range = range.limit(this.random.nextInt(25));
			}
			return range;
		}

	}

}
