package io.dynamodown.fault;

import io.dynamodown.Compression;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.dynamodown.Batch;
import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbBuilder;
import io.dynamodown.LevelDbException;
import io.dynamodown.LevelIterator;
import io.dynamodown.Range;
import io.dynamodown.fault.FaultInjectingProxy.Plan;
import io.dynamodown.metrics.RequestOutcome;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static io.dynamodown.support.Bytes.filled;
import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A DynamoDB that accepts requests and never answers (a frozen server) must not hold a
 * caller longer than the store's request timeout: every kind of call fails within it,
 * plus a slack for thread scheduling on a loaded machine.
 * <p>
 * The client is the plain SDK client a user would build (its own retry strategy, no
 * timeouts of its own); the deadline is the store's.
 */
class DeadlineTests {

	/** The store's total timeout per request in these tests. */
	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	/** What a call may take beyond its timeout: scheduling, back-off, error mapping. */
	private static final Duration SLACK = Duration.ofSeconds(3);

	private static final int VALUE_BYTES = 300 * 1024;

	private FaultInjectingProxy proxy;

	private DynamoDbClient client;

	private RecordingListener listener;

	private String table;

	@BeforeEach
	void startProxy() {
		this.proxy = FaultInjectingProxy.start(FaultClients.upstream(), 0xDEAD11L);
		this.client = FaultClients.client(this.proxy.endpoint(), 10);
		this.listener = new RecordingListener();
		this.table = LocalDynamo.freshTable();
	}

	@AfterEach
	void stopProxy() {
		this.client.close();
		this.proxy.close();
	}

	@Test
	void everyKindOfCallFailsWithinTheTimeoutWhileTheServerHangs() throws Exception {
		Map<String, Failure> failures = failAllWhileHanging((store) -> store.timeout(TIMEOUT));
		print("timeout(" + TIMEOUT.toSeconds() + "s)", failures);
		assertThat(failures)
			.allSatisfy((call, failure) -> assertThat(failure.took()).as(call).isLessThan(TIMEOUT.plus(SLACK)));
		assertExpectedCodes(failures);
	}

	@Test
	void withTheDefaultTimeoutsEveryKindOfCallFailsWithinThem() throws Exception {
		Map<String, Failure> failures = failAllWhileHanging(UnaryOperator.identity());
		print("default timeouts", failures);
		assertThat(failures).allSatisfy((call, failure) -> assertThat(failure.took()).as(call)
			.isLessThan(LevelDbBuilder.DEFAULT_TIMEOUT.plus(SLACK)));
		assertExpectedCodes(failures);
	}

	@Test
	void aTimeoutIsReportedWithItsOwnCodeAndOutcome() {
		try (LevelDb db = store().timeout(TIMEOUT).open()) {
			this.listener.reset();
			this.proxy.plan(Plan.hangAll());
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.put(utf8("k"), utf8("v")))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.TIMEOUT))
				.withMessageContaining("PutItem")
				.withMessageContaining("total timeout of 2s");
			assertThat(this.listener.requests()).singleElement()
				.satisfies((event) -> assertThat(event.outcome()).isEqualTo(RequestOutcome.TIMEOUT));
		}
	}

	@Test
	void tableStatusMakesOneAttemptBoundedByTheAttemptTimeout() {
		Duration attemptTimeout = Duration.ofMillis(500);
		try (LevelDb db = store().attemptTimeout(attemptTimeout).open()) {
			this.proxy.resetCounts();
			this.proxy.plan(Plan.hangAll());
			long start = System.nanoTime();
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(db::tableStatus)
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.TIMEOUT))
				.withMessageContaining("total timeout of 500ms");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(attemptTimeout.plus(SLACK));
			assertThat(this.proxy.requests("DescribeTable")).isEqualTo(1);
		}
	}

	@Test
	void closeReturnsOnceTheHungCallHasTimedOut() throws Exception {
		LevelDb db = store().timeout(TIMEOUT).open();
		// the open wrote the database's descriptor with a PutItem
		this.proxy.resetCounts();
		this.proxy.plan(Plan.hangAll());
		ExecutorService caller = Executors.newSingleThreadExecutor();
		try {
			Future<?> hung = caller.submit(() -> db.put(utf8("k"), utf8("v")));
			while (this.proxy.requests("PutItem") == 0) {
				Thread.onSpinWait();
			}
			long start = System.nanoTime();
			db.close();
			Duration closing = Duration.ofNanos(System.nanoTime() - start);
			assertThat(closing).isLessThan(TIMEOUT.plus(SLACK));
			assertThat(hung).failsWithin(SLACK)
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOfSatisfying(LevelDbException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.TIMEOUT));
		}
		finally {
			caller.shutdownNow();
		}
	}

	/**
	 * Prepares a table with two pages of data, then lets the server hang and runs one
	 * call of each kind at the same time, each on its own thread.
	 * @return how each call failed, by call
	 */
	/**
	 * A bulk write confirms none of its keys; every other call times out.
	 */
	private static void assertExpectedCodes(Map<String, Failure> failures) {
		failures.forEach((call, failure) -> assertThat(failure.code()).as(call)
			.isEqualTo(call.equals("bulk") ? ErrorCode.WRITES_INCOMPLETE : ErrorCode.TIMEOUT));
	}

	private Map<String, Failure> failAllWhileHanging(UnaryOperator<LevelDbBuilder> settings) throws Exception {
		LevelDb db = settings.apply(store()).open();
		for (int i = 0; i < 6; i++) {
			db.put(utf8("page" + i), filled(VALUE_BYTES, i));
		}
		// without read-ahead the second page is read only when the first runs out
		LevelDb sequential = settings.apply(store()).readAhead(false).open();
		LevelIterator<byte[]> nextPage = sequential.values(Range.all().gte(utf8("page")));
		nextPage.next();
		this.proxy.plan(Plan.hangAll());
		Map<String, Callable<?>> calls = new LinkedHashMap<>();
		calls.put("get", () -> db.get(utf8("a")));
		calls.put("put", () -> {
			db.put(utf8("a"), utf8("1"));
			return null;
		});
		calls.put("delete", () -> {
			db.delete(utf8("a"));
			return null;
		});
		calls.put("getMany", () -> db.getMany(List.of(utf8("a"), utf8("b"))));
		calls.put("batch", () -> {
			db.batch().put(utf8("a"), utf8("1")).delete(utf8("b")).write();
			return null;
		});
		calls.put("bulk", () -> {
			Batch bulk = db.bulk();
			for (int i = 0; i < 30; i++) {
				bulk.put(utf8("bulk" + i), utf8("v"));
			}
			bulk.write();
			return null;
		});
		calls.put("iterator next page", () -> {
			while (nextPage.hasNext()) {
				nextPage.next();
			}
			return null;
		});
		calls.put("clear", () -> {
			db.clear(Range.all());
			return null;
		});
		calls.put("table open", () -> settings.apply(store()).open());
		ExecutorService threads = Executors.newFixedThreadPool(calls.size());
		try {
			Map<String, Future<Failure>> running = new LinkedHashMap<>();
			calls.forEach((name, call) -> running.put(name, threads.submit(() -> fail(name, call))));
			Map<String, Failure> failures = new LinkedHashMap<>();
			for (Map.Entry<String, Future<Failure>> call : running.entrySet()) {
				failures.put(call.getKey(), call.getValue().get(2, TimeUnit.MINUTES));
			}
			return failures;
		}
		finally {
			threads.shutdownNow();
			this.proxy.releaseHung();
			this.proxy.plan(Plan.NONE);
			nextPage.close();
			sequential.close();
			db.close();
		}
	}

	private static Failure fail(String name, Callable<?> call) {
		long start = System.nanoTime();
		LevelDbException ex = catchThrowableOfType(LevelDbException.class, call::call);
		assertThat(ex).as(name).isNotNull();
		return new Failure(Duration.ofNanos(System.nanoTime() - start), ex.code());
	}

	private LevelDbBuilder store() {
		return LevelDb.builder(this.client).table(this.table).listener(this.listener).compression(Compression.none());
	}

	private static void print(String settings, Map<String, Failure> failures) {
		List<String> lines = new ArrayList<>();
		failures.forEach((call, failure) -> lines
			.add(String.format("  %-20s %6d ms  %s", call, failure.took().toMillis(), failure.code())));
		System.out.println("Time to fail with the server hung, " + settings + ":\n" + String.join("\n", lines));
	}

	/** How a call failed. */
	private record Failure(Duration took, ErrorCode code) {

	}

}
