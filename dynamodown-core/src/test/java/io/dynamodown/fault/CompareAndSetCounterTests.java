package io.dynamodown.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.dynamodown.LevelDb;
import io.dynamodown.fault.FaultInjectingProxy.Fault;
import io.dynamodown.fault.FaultInjectingProxy.Plan;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A counter incremented by compare-and-set from sixteen threads through the faulting
 * proxy, which also drops connections after DynamoDB applied a write: the SDK retries
 * those with the same request token, and the store must report such a write as done, not
 * as a failed condition. The final value must equal the increments reported successful:
 * none lost, none counted twice.
 */
class CompareAndSetCounterTests {

	private static final int THREADS = 16;

	private static final int INCREMENTS_PER_THREAD = 200;

	private static final long SEED = 0xCA5L;

	private static final byte[] COUNTER = "counter".getBytes(StandardCharsets.UTF_8);

	/**
	 * Faults on the conditional writes (the reads are not what is tested, and faulting
	 * them only makes the run longer); the SDK makes up to 10 attempts, so a call fails
	 * for good with a chance of about 0.2^10 (none expected in a run).
	 */
	private static final Plan PLAN = new Plan(Map.of(Fault.CLOSE_AFTER_FORWARD, 0.12, Fault.CLOSE_BEFORE_FORWARD, 0.02,
			Fault.INTERNAL_SERVER_ERROR, 0.02, Fault.TRANSACTION_CONFLICT, 0.04), Set.of("TransactWriteItems"),
			Duration.ZERO);

	@Test
	void finalValueEqualsTheIncrementsReportedSuccessful() throws Exception {
		String table = LocalDynamo.freshTable();
		RecordingListener listener = new RecordingListener();
		LongAdder successes = new LongAdder();
		LongAdder conditionFailures = new LongAdder();
		long started = System.nanoTime();
		try (FaultInjectingProxy proxy = FaultInjectingProxy.start(FaultClients.upstream(), SEED);
				DynamoDbClient client = FaultClients.client(proxy.endpoint(), 10);
				LevelDb db = FaultClients.store(client, table, listener).open()) {
			db.put(COUNTER, encode(0));
			proxy.resetCounts();
			proxy.plan(PLAN);
			ExecutorService threads = Executors.newFixedThreadPool(THREADS);
			CountDownLatch start = new CountDownLatch(1);
			try {
				List<Future<?>> done = new ArrayList<>();
				for (int t = 0; t < THREADS; t++) {
					done.add(threads.submit(() -> {
						start.await();
						for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
							increment(db, successes, conditionFailures);
						}
						return null;
					}));
				}
				start.countDown();
				for (Future<?> future : done) {
					future.get(5, TimeUnit.MINUTES);
				}
			}
			finally {
				threads.shutdownNow();
				proxy.plan(Plan.NONE);
			}
			long droppedAfterForwarding = proxy.faults("TransactWriteItems", Fault.CLOSE_AFTER_FORWARD);
			Optional<byte[]> value = db.get(COUNTER);
			System.out.printf(
					"compare-and-set counter: %d threads x %d increments in %d ms; %d failed conditions retried;"
							+ " %d TransactWriteItems answers dropped after forwarding; requests %s%n",
					THREADS, INCREMENTS_PER_THREAD, (System.nanoTime() - started) / 1_000_000, conditionFailures.sum(),
					droppedAfterForwarding, proxy.requestsByOperation());
			assertThat(droppedAfterForwarding).as("answers lost after DynamoDB had the write").isPositive();
			assertThat(successes.sum()).isEqualTo((long) THREADS * INCREMENTS_PER_THREAD);
			assertThat(value).hasValueSatisfying((bytes) -> assertThat(decode(bytes)).isEqualTo(successes.sum()));
		}
	}

	/**
	 * Reads the counter and writes it plus one if nobody wrote in between; again until
	 * that succeeds.
	 */
	private static void increment(LevelDb db, LongAdder successes, LongAdder conditionFailures) {
		while (true) {
			byte[] current = db.get(COUNTER).orElseThrow();
			if (db.replace(COUNTER, current, encode(decode(current) + 1))) {
				successes.increment();
				return;
			}
			conditionFailures.increment();
		}
	}

	private static byte[] encode(long value) {
		return Long.toString(value).getBytes(StandardCharsets.UTF_8);
	}

	private static long decode(byte[] value) {
		return Long.parseLong(new String(value, StandardCharsets.UTF_8));
	}

}
