package io.dynamodown.fault;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.dynamodown.Entry;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.LevelIterator;
import io.dynamodown.Range;
import io.dynamodown.fault.FaultInjectingProxy.Fault;
import io.dynamodown.fault.FaultInjectingProxy.Plan;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.MutableClock;
import io.dynamodown.support.RawItems;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A large value is never read torn or mixed: one writer alternates two different 5 MB
 * values under one key through a proxy that faults requests, while one reader reads it
 * with {@code get} and another with an iterator; every value read equals one of the two,
 * byte for byte. A write that stops between its chunks and its commit leaves the old
 * value readable and orphaned chunks that {@link LevelDb#repair()} removes.
 */
class TornReadTests {

	private static final int MB5 = 5 * 1024 * 1024;

	private static final int WRITES = 10;

	private static final Plan FAULTS = new Plan(Map.of(Fault.PROVISIONED_THROUGHPUT_EXCEEDED, 0.05, Fault.THROTTLING,
			0.05, Fault.INTERNAL_SERVER_ERROR, 0.04, Fault.SERVICE_UNAVAILABLE, 0.04, Fault.CLOSE_BEFORE_FORWARD, 0.03,
			Fault.CLOSE_AFTER_FORWARD, 0.03, Fault.PARTIAL_BATCH, 0.2), Set.of(), Duration.ZERO);

	private final byte[] first = random(1);

	private final byte[] second = random(2);

	@Test
	void readersSeeOneOfTheTwoValuesWholeWhileAWriterAlternatesThemThroughFaults() throws Exception {
		RecordingListener listener = new RecordingListener();
		MutableClock clock = MutableClock.atRealNow();
		try (FaultInjectingProxy proxy = FaultInjectingProxy.start(FaultClients.upstream(), 0x70C4L);
				DynamoDbClient client = FaultClients.client(proxy.endpoint(), 10);
				LevelDb db = FaultClients.store(client, LocalDynamo.freshTable(), listener).clock(clock).open()) {
			db.put(utf8("k"), this.first);
			proxy.plan(FAULTS);
			AtomicBoolean writing = new AtomicBoolean(true);
			AtomicInteger reads = new AtomicInteger();
			List<String> torn = new CopyOnWriteArrayList<>();
			List<Throwable> unexpected = new CopyOnWriteArrayList<>();
			AtomicInteger failedWrites = new AtomicInteger();
			ExecutorService threads = Executors.newFixedThreadPool(3);
			try {
				Future<?> writer = threads.submit(() -> {
					try {
						for (int i = 0; i < WRITES; i++) {
							try {
								db.put(utf8("k"), (i % 2 == 0) ? this.second : this.first);
							}
							catch (LevelDbException ex) {
								failedWrites.incrementAndGet();
							}
						}
					}
					finally {
						writing.set(false);
					}
				});
				Future<?> getter = threads.submit(() -> readUntilDone(writing, reads, torn, unexpected, () -> {
					Optional<byte[]> value = db.get(utf8("k"));
					return value.orElse(null);
				}));
				Future<?> iterating = threads.submit(() -> readUntilDone(writing, reads, torn, unexpected, () -> {
					try (LevelIterator<Entry> entries = db.iterator(Range.all())) {
						return entries.hasNext() ? entries.next().value() : null;
					}
				}));
				writer.get(5, TimeUnit.MINUTES);
				getter.get(1, TimeUnit.MINUTES);
				iterating.get(1, TimeUnit.MINUTES);
			}
			finally {
				threads.shutdownNow();
				proxy.plan(Plan.NONE);
			}
			System.out.println("torn reads: " + WRITES + " writes of 5 MB (" + failedWrites.get() + " failed), "
					+ reads.get() + " reads (get and iterator), " + torn.size() + " torn, requests "
					+ proxy.requestsByOperation() + ", faults " + proxy.faultsByKind());
			assertThat(unexpected).isEmpty();
			assertThat(torn).isEmpty();
			assertThat(reads.get()).as("values read while writing").isGreaterThanOrEqualTo(2);
			assertThat(proxy.totalFaults()).isPositive();
			byte[] last = db.get(utf8("k")).orElseThrow();
			assertThat(Arrays.equals(last, this.first) || Arrays.equals(last, this.second)).isTrue();
		}
	}

	@Test
	void aWriteStoppedBeforeItsCommitLeavesTheOldValueAndOrphansThatRepairRemoves() throws Exception {
		RecordingListener listener = new RecordingListener();
		MutableClock clock = MutableClock.atRealNow();
		try (FaultInjectingProxy proxy = FaultInjectingProxy.start(FaultClients.upstream(), 0x0C4AL);
				DynamoDbClient client = FaultClients.client(proxy.endpoint(), 3);
				LevelDb db = FaultClients.store(client, LocalDynamo.freshTable(), listener).clock(clock).open()) {
			db.put(utf8("k"), this.first);
			int committedChunks = RawItems.chunkCount(db);
			proxy.plan(new Plan(Map.of(Fault.CLOSE_BEFORE_FORWARD, 1.0), Set.of("PutItem"), Duration.ZERO));
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.put(utf8("k"), this.second));
			proxy.plan(Plan.NONE);
			assertThat(db.get(utf8("k"))).hasValueSatisfying((value) -> assertThat(value).isEqualTo(this.first));
			assertThat(db.iterator(Range.all()).all()).singleElement()
				.satisfies((entry) -> assertThat(entry.value()).isEqualTo(this.first));
			int orphans = RawItems.chunkCount(db) - committedChunks;
			assertThat(orphans).as("the stopped write's chunks").isEqualTo(committedChunks);
			assertThat(db.repair()).as("younger than an hour: maybe still being written").isZero();
			clock.advance(LevelDb.REPAIR_MIN_AGE);
			listener.reset();
			assertThat(db.repair()).isEqualTo(orphans);
			assertThat(RawItems.chunkCount(db)).isEqualTo(committedChunks);
			assertThat(db.get(utf8("k"))).hasValueSatisfying((value) -> assertThat(value).isEqualTo(this.first));
			assertThat(db.repair()).isZero();
		}
	}

	private void readUntilDone(AtomicBoolean writing, AtomicInteger reads, List<String> torn,
			List<Throwable> unexpected, java.util.function.Supplier<byte[]> read) {
		do {
			try {
				byte[] value = read.get();
				reads.incrementAndGet();
				if (value == null || !(Arrays.equals(value, this.first) || Arrays.equals(value, this.second))) {
					torn.add((value == null) ? "absent" : "a value of " + value.length + " bytes that is neither");
				}
			}
			catch (LevelDbException ex) {
				// a read that fails after retries is allowed; a wrong value is not
			}
			catch (RuntimeException ex) {
				unexpected.add(ex);
			}
		}
		while (writing.get());
	}

	private static byte[] random(long seed) {
		byte[] bytes = new byte[MB5];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

}
