package io.dynamodown.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import io.dynamodown.support.Bytes;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen threads write overlapping keys of one store through the faulting proxy. Each
 * key's final state must be one that a serial order of the operations produces: the value
 * (or the delete) of a write that no acknowledged write on the same key started after, or
 * absent when no write on the key was acknowledged. Writes that failed may or may not
 * have happened, so they may be the last, but never constrain the others.
 */
class ConcurrentFaultTests {

	private static final int THREADS = 16;

	private static final int OPERATIONS_PER_THREAD = 80;

	private static final int KEYS = 24;

	private static final long SEED = 0xC0C0L;

	private static final Set<ErrorCode> EXPECTED_CODES = EnumSet.of(ErrorCode.THROTTLED, ErrorCode.REQUEST_FAILED,
			ErrorCode.WRITES_INCOMPLETE, ErrorCode.TRANSACTION_CANCELLED);

	private static final Plan PLAN = new Plan(Map.of(Fault.PROVISIONED_THROUGHPUT_EXCEEDED, 0.05, Fault.THROTTLING,
			0.05, Fault.INTERNAL_SERVER_ERROR, 0.04, Fault.SERVICE_UNAVAILABLE, 0.04, Fault.CLOSE_BEFORE_FORWARD, 0.04,
			Fault.CLOSE_AFTER_FORWARD, 0.04, Fault.SLOW, 0.02, Fault.PARTIAL_BATCH, 0.2), Set.of(),
			Duration.ofMillis(10));

	/**
	 * A logical clock: a write that took its start ticket after another's end ticket
	 * began after it ended.
	 */
	private final AtomicLong clock = new AtomicLong();

	private final Map<ByteKey, List<Write>> writes = new ConcurrentHashMap<>();

	private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();

	private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

	private final List<byte[]> keys = new ArrayList<>();

	@Test
	void finalStateOfEveryKeyIsOneASerialOrderOfTheOperationsProduces() throws Exception {
		for (int i = 0; i < KEYS; i++) {
			this.keys.add(("key" + (char) ('a' + i)).getBytes(StandardCharsets.UTF_8));
		}
		this.keys.add(new byte[0]);
		this.keys.add(new byte[] { (byte) 0xff });
		String table = LocalDynamo.freshTable();
		RecordingListener listener = new RecordingListener();
		try (FaultInjectingProxy proxy = FaultInjectingProxy.start(FaultClients.upstream(), SEED);
				DynamoDbClient client = FaultClients.client(proxy.endpoint(), 3)) {
			LevelDb db = FaultClients.store(client, table, listener).open();
			proxy.resetCounts();
			proxy.plan(PLAN);
			ExecutorService threads = Executors.newFixedThreadPool(THREADS);
			CountDownLatch start = new CountDownLatch(1);
			try {
				List<Future<?>> done = new ArrayList<>();
				for (int t = 0; t < THREADS; t++) {
					int thread = t;
					done.add(threads.submit(() -> {
						start.await();
						run(db, thread, new SplittableRandom(SEED + thread));
						return null;
					}));
				}
				start.countDown();
				for (Future<?> future : done) {
					future.get(10, TimeUnit.MINUTES);
				}
			}
			finally {
				threads.shutdownNow();
				proxy.plan(Plan.NONE);
				db.close();
			}
			List<String> violations = new ArrayList<>();
			try (LevelDb clean = LevelDb.builder(LocalDynamo.client()).table(table).open()) {
				Map<ByteKey, byte[]> stored = new LinkedHashMap<>();
				for (Entry entry : clean.iterator(Range.all()).all()) {
					stored.put(new ByteKey(entry.key()), entry.value());
				}
				for (ByteKey key : stored.keySet()) {
					if (!this.writes.containsKey(key)) {
						violations.add("key never written: " + ByteKeys.hex(key.bytes()));
					}
				}
				for (byte[] key : this.keys) {
					String verdict = check(key, stored.get(new ByteKey(key)));
					if (verdict != null) {
						violations.add(verdict);
					}
				}
			}
			long acknowledged = this.writes.values().stream().flatMap(List::stream).filter(Write::acknowledged).count();
			long total = this.writes.values().stream().mapToLong(List::size).sum();
			System.out.printf(
					"concurrent faults: %d threads x %d operations on %d keys, %d key writes (%d acknowledged), "
							+ "%d requests at the proxy, faults %s, operations failed %s%n",
					THREADS, OPERATIONS_PER_THREAD, this.keys.size(), total, acknowledged, proxy.totalRequests(),
					proxy.faultsByKind(), this.failures);
			assertThat(this.unexpected).as("exceptions other than LevelDbException with an expected code").isEmpty();
			assertThat(violations).as("final states no serial order produces").isEmpty();
			assertThat(acknowledged).isPositive();
		}
	}

	private void run(LevelDb db, int thread, SplittableRandom random) {
		for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
			int roll = random.nextInt(100);
			String kind = (roll < 40) ? "put" : (roll < 55) ? "delete" : (roll < 70) ? "batch"
					: (roll < 80) ? "bulk" : (roll < 90) ? "get" : (roll < 95) ? "getMany" : "iterate";
			try {
				switch (kind) {
					case "put", "delete", "batch", "bulk" -> write(db, kind, thread, i, random);
					case "get" -> {
						byte[] key = randomKey(random);
						checkRead(key, db.get(key));
					}
					case "getMany" -> {
						List<byte[]> wanted = List.of(randomKey(random), randomKey(random), randomKey(random));
						List<Optional<byte[]>> read = db.getMany(wanted);
						for (int k = 0; k < wanted.size(); k++) {
							checkRead(wanted.get(k), read.get(k));
						}
					}
					default -> {
						for (Entry entry : db.iterator(Range.all().limit(random.nextInt(30))).all()) {
							checkRead(entry.key(), Optional.of(entry.value()));
						}
					}
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
			}
		}
	}

	private void write(LevelDb db, String kind, int thread, int index, SplittableRandom random) {
		Map<ByteKey, byte[]> planned = new LinkedHashMap<>();
		int count = switch (kind) {
			case "batch" -> 2 + random.nextInt(3);
			case "bulk" -> 3 + random.nextInt(8);
			default -> 1;
		};
		Batch batch = "bulk".equals(kind) ? db.bulk() : db.batch();
		for (int k = 0; k < count; k++) {
			byte[] key = randomKey(random);
			if ("delete".equals(kind) || (count > 1 && random.nextInt(4) == 0)) {
				batch.delete(key);
				planned.put(new ByteKey(key), null);
			}
			else {
				byte[] value = value(key, thread, index, k);
				batch.put(key, value);
				planned.put(new ByteKey(key), value);
			}
		}
		long start = this.clock.incrementAndGet();
		Set<ByteKey> unconfirmed = new HashSet<>();
		try {
			if (count == 1) {
				Map.Entry<ByteKey, byte[]> only = planned.entrySet().iterator().next();
				if (only.getValue() != null) {
					db.put(only.getKey().bytes(), only.getValue());
				}
				else {
					db.delete(only.getKey().bytes());
				}
			}
			else {
				batch.write();
			}
		}
		catch (WritesIncompleteException ex) {
			ex.unwrittenKeys().forEach((key) -> unconfirmed.add(new ByteKey(key)));
			throw ex;
		}
		catch (RuntimeException ex) {
			unconfirmed.addAll(planned.keySet());
			throw ex;
		}
		finally {
			long end = this.clock.incrementAndGet();
			planned.forEach((key, value) -> this.writes.computeIfAbsent(key, (k) -> new CopyOnWriteArrayList<>())
				.add(new Write(value, start, end, !unconfirmed.contains(key))));
		}
	}

	/**
	 * The verdict on a key's final state: {@code null} when a serial order of the writes
	 * produces it.
	 */
	private String check(byte[] key, byte[] stored) {
		List<Write> history = this.writes.getOrDefault(new ByteKey(key), List.of());
		List<Write> acknowledged = history.stream().filter(Write::acknowledged).toList();
		if (stored == null && acknowledged.isEmpty()) {
			return null;
		}
		for (Write write : history) {
			boolean sameState = (stored == null) ? write.value() == null
					: write.value() != null && Arrays.equals(write.value(), stored);
			if (sameState && acknowledged.stream().noneMatch((later) -> later.start() > write.end())) {
				return null;
			}
		}
		return "key " + ByteKeys.hex(key) + " ends " + ((stored != null) ? ByteKeys.hex(stored) : "absent")
				+ ", which no serial order of its " + history.size() + " writes (" + acknowledged.size()
				+ " acknowledged) produces";
	}

	private void checkRead(byte[] key, Optional<byte[]> read) {
		if (read.isPresent() && !Bytes.startsWith(read.get(), ByteKeys.concat(key, new byte[] { '|' }))) {
			this.unexpected.add(new AssertionError(
					"key " + ByteKeys.hex(key) + " read a value written for another key: " + ByteKeys.hex(read.get())));
		}
	}

	private byte[] randomKey(SplittableRandom random) {
		return this.keys.get(random.nextInt(this.keys.size()));
	}

	private static byte[] value(byte[] key, int thread, int index, int position) {
		return ByteKeys.concat(key, ("|t" + thread + "-" + index + "-" + position).getBytes(StandardCharsets.UTF_8));
	}

	private record Write(byte[] value, long start, long end, boolean acknowledged) {

	}

}
