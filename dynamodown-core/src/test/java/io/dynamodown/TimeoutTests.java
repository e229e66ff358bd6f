package io.dynamodown;

import java.time.Duration;

import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestOutcome;
import io.dynamodown.support.HoldingInterceptor;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every request has an attempt timeout and a total timeout: the options are checked
 * before any request, and a request that gets no answer in time fails with
 * {@link ErrorCode#TIMEOUT}, reported to the listener as {@link RequestOutcome#TIMEOUT}.
 * The requests are held before they are sent by a client interceptor that waits for an
 * answer that never comes (until the SDK's timeout interrupts it), so the server
 * answering fast cannot win the race.
 */
class TimeoutTests {

	private final RecordingListener listener = new RecordingListener();

	@Test
	void timeoutsMustBePositiveAndTheAttemptNotLongerThanTheTotal() {
		assertInvalid(() -> LocalDynamo.freshStore(this.listener).timeout(Duration.ZERO).open(),
				"timeout must be a positive");
		assertInvalid(() -> LocalDynamo.freshStore(this.listener).attemptTimeout(Duration.ofMillis(-1)).open(),
				"attemptTimeout must be a positive duration, was PT-0.001S");
		assertInvalid(() -> LocalDynamo.freshStore(this.listener).timeout(null).open(),
				"timeout must be a positive duration");
		assertInvalid(() -> LocalDynamo.freshStore(this.listener)
			.timeout(Duration.ofSeconds(1))
			.attemptTimeout(Duration.ofSeconds(2))
			.open(), "attemptTimeout (2s) must not be longer than timeout (1s)");
		assertThat(this.listener.total()).isZero();
	}

	@Test
	void anAttemptWithoutAnswerFailsWithTheAttemptTimeout() {
		HoldingInterceptor hold = new HoldingInterceptor();
		try (DynamoDbClient client = heldClient(hold);
				LevelDb db = LevelDb.builder(client)
					.table(existingTable())
					.listener(this.listener)
					.attemptTimeout(Duration.ofMillis(500))
					.open()) {
			this.listener.reset();
			hold.holdRequests();
			long start = System.nanoTime();
			LevelDbException ex = catchThrowableOfType(LevelDbException.class, () -> db.put(utf8("k"), utf8("v")));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(ex.code()).isEqualTo(ErrorCode.TIMEOUT);
			assertThat(ex.getMessage()).contains("PutItem", "attempt timeout of 500ms");
			assertThat(this.listener.requests()).extracting(RequestEvent::outcome)
				.containsExactly(RequestOutcome.TIMEOUT);
			assertThat(took).isLessThan(Duration.ofSeconds(10));
		}
	}

	@Test
	void aRequestWithoutAnswerFailsWithinTheTotalTimeout() {
		HoldingInterceptor hold = new HoldingInterceptor();
		try (DynamoDbClient client = heldClient(hold);
				LevelDb db = LevelDb.builder(client)
					.table(existingTable())
					.listener(this.listener)
					.timeout(Duration.ofSeconds(1))
					.attemptTimeout(Duration.ofSeconds(1))
					.open()) {
			this.listener.reset();
			hold.holdRequests();
			long start = System.nanoTime();
			LevelDbException ex = catchThrowableOfType(LevelDbException.class, () -> db.get(utf8("k")));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(ex.code()).isEqualTo(ErrorCode.TIMEOUT);
			assertThat(ex.getMessage()).contains("GetItem", "total timeout of 1s");
			assertThat(this.listener.requests()).extracting(RequestEvent::outcome)
				.containsExactly(RequestOutcome.TIMEOUT);
			assertThat(took).isLessThan(Duration.ofSeconds(10));
		}
	}

	@Test
	void tableOpenHonoursTheTimeouts() {
		HoldingInterceptor hold = new HoldingInterceptor();
		hold.holdRequests();
		try (DynamoDbClient client = heldClient(hold)) {
			LevelDbException ex = catchThrowableOfType(LevelDbException.class,
					() -> LevelDb.builder(client)
						.table(LocalDynamo.freshTable())
						.listener(this.listener)
						.timeout(Duration.ofMillis(200))
						.attemptTimeout(Duration.ofMillis(200))
						.open());
			assertThat(ex.code()).isEqualTo(ErrorCode.TIMEOUT);
			assertThat(ex.getMessage()).contains("DescribeTable");
			assertThat(this.listener.requests()).extracting(RequestEvent::outcome)
				.containsExactly(RequestOutcome.TIMEOUT);
		}
	}

	/**
	 * A table made beforehand, so that a store with short timeouts opens it with one
	 * {@code DescribeTable}.
	 */
	private static String existingTable() {
		String table = LocalDynamo.freshTable();
		LevelDb.builder(LocalDynamo.client()).table(table).open().close();
		return table;
	}

	private static void assertInvalid(ThrowingCallable open, String message) {
		LevelDbException ex = catchThrowableOfType(LevelDbException.class, open);
		assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
		assertThat(ex.getMessage()).contains(message);
	}

	private static DynamoDbClient heldClient(HoldingInterceptor hold) {
		return LocalDynamo.server()
			.clientBuilder()
			.overrideConfiguration((c) -> c.addExecutionInterceptor(hold))
			.build();
	}

}
