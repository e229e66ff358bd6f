package io.dynamodown.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.dynamodown.Batch;
import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.Range;
import io.dynamodown.fault.FaultInjectingProxy.Fault;
import io.dynamodown.fault.FaultInjectingProxy.Plan;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestOutcome;
import io.dynamodown.metrics.RetryEvent;
import io.dynamodown.metrics.RetryReason;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the request listener learns about throttling, server errors, dropped connections
 * and unprocessed batch items, compared with what the proxy injected.
 * <p>
 * The store reports one {@link RequestEvent} per SDK call, with its final outcome; every
 * attempt the SDK's retry strategy retried inside a call, and every retry the store makes
 * of unprocessed items, is reported through {@code onRetry} with its reason.
 */
class ThrottleReportingTests {

	private FaultInjectingProxy proxy;

	private RecordingListener listener;

	@BeforeEach
	void startProxy() {
		this.proxy = FaultInjectingProxy.start(FaultClients.upstream(), 0x7407713L);
		this.listener = new RecordingListener();
	}

	@AfterEach
	void stopProxy() {
		this.proxy.close();
	}

	@Test
	void throttlesAbsorbedBySdkRetriesReachNoCallerAndEachCallIsReportedOnce() {
		try (DynamoDbClient client = FaultClients.client(this.proxy.endpoint(), 10);
				LevelDb db = FaultClients.store(client, LocalDynamo.freshTable(), this.listener).open()) {
			this.proxy.plan(throttling(0.4));
			this.proxy.resetCounts();
			this.listener.reset();
			for (int i = 0; i < 150; i++) {
				db.put(utf8("k" + i), utf8("v" + i));
			}
			for (int i = 0; i < 150; i++) {
				assertThat(db.get(utf8("k" + i))).map(String::new).contains("v" + i);
			}
			for (int i = 0; i < 50; i++) {
				db.batch().put(utf8("a" + i), utf8("1")).put(utf8("b" + i), utf8("2")).write();
			}
			long injected = this.proxy.faults(Fault.THROTTLING)
					+ this.proxy.faults(Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
			assertThat(injected).isGreaterThan(50);
			for (String operation : List.of("PutItem", "GetItem", "TransactWriteItems")) {
				long throttled = this.proxy.faults(operation, Fault.THROTTLING)
						+ this.proxy.faults(operation, Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
				assertThat(throttled).as("throttles injected on %s", operation).isPositive();
				// one event per call: the proxy saw the call once more for every throttle
				// the SDK retried, and each of those is one reported retry
				assertThat(this.listener.count(operation)).as("events of %s", operation)
					.isEqualTo(this.proxy.requests(operation) - throttled);
				assertThat(this.listener.retries().stream().filter((retry) -> retry.operation().equals(operation)))
					.as("retries of %s", operation)
					.hasSize((int) throttled)
					.allSatisfy((retry) -> assertThat(retry.reason()).isEqualTo(RetryReason.THROTTLED));
			}
			assertThat(this.listener.requests()).extracting(RequestEvent::outcome).containsOnly(RequestOutcome.SUCCESS);
			System.out.printf(
					"throttle reporting: proxy requests %s, throttles injected %d, listener events %d, "
							+ "listener retries %d%n",
					this.proxy.requestsByOperation(), injected, this.listener.total(), this.listener.retries().size());
		}
	}

	@Test
	void throttlingBeyondTheSdkAttemptsIsThrottledErrorWithOneThrottledEvent() {
		try (DynamoDbClient client = FaultClients.client(this.proxy.endpoint(), 3);
				LevelDb db = FaultClients.store(client, LocalDynamo.freshTable(), this.listener).open()) {
			this.proxy.plan(new Plan(Map.of(Fault.THROTTLING, 1.0), Set.of(), Duration.ZERO));
			this.proxy.resetCounts();
			this.listener.reset();
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.put(utf8("k"), utf8("v")))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.THROTTLED));
			assertThat(this.proxy.requests("PutItem")).isEqualTo(3);
			assertThat(this.proxy.faults("PutItem", Fault.THROTTLING)).isEqualTo(3);
			assertThat(this.listener.requests()).extracting(RequestEvent::outcome)
				.containsExactly(RequestOutcome.THROTTLED);
			assertThat(this.listener.retries()).extracting(RetryEvent::attempt, RetryEvent::reason)
				.containsExactly(tuple(2, RetryReason.THROTTLED), tuple(3, RetryReason.THROTTLED));
		}
	}

	@Test
	void serverErrorsAndDroppedConnectionsBeyondTheSdkAttemptsAreReportedWithTheirOutcome() {
		try (DynamoDbClient client = FaultClients.client(this.proxy.endpoint(), 2);
				LevelDb db = FaultClients.store(client, LocalDynamo.freshTable(), this.listener).open()) {
			this.proxy.resetCounts();
			this.listener.reset();
			this.proxy.plan(new Plan(Map.of(Fault.SERVICE_UNAVAILABLE, 1.0), Set.of(), Duration.ZERO));
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.get(utf8("k")))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.REQUEST_FAILED));
			this.proxy.plan(new Plan(Map.of(Fault.CLOSE_BEFORE_FORWARD, 1.0), Set.of(), Duration.ZERO));
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.delete(utf8("k")))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.REQUEST_FAILED));
			assertThat(this.proxy.requests("GetItem")).isEqualTo(2);
			assertThat(this.proxy.requests("DeleteItem")).isEqualTo(2);
			assertThat(this.listener.requests()).extracting(RequestEvent::outcome)
				.containsExactly(RequestOutcome.SERVER_ERROR, RequestOutcome.IO_ERROR);
			assertThat(this.listener.retries()).extracting(RetryEvent::operation, RetryEvent::reason)
				.containsExactly(tuple("GetItem", RetryReason.SERVER_ERROR), tuple("DeleteItem", RetryReason.IO_ERROR));
		}
	}

	@Test
	void unprocessedItemsAndKeysAreRetriedAndEachRetryIsReported() {
		try (DynamoDbClient client = FaultClients.client(this.proxy.endpoint(), 10);
				LevelDb db = FaultClients.store(client, LocalDynamo.freshTable(), this.listener).open()) {
			this.proxy.plan(new Plan(Map.of(Fault.PARTIAL_BATCH, 0.5), Set.of(), Duration.ZERO));
			this.proxy.resetCounts();
			this.listener.reset();
			Batch bulk = db.bulk();
			List<byte[]> keys = new ArrayList<>();
			for (int i = 0; i < 600; i++) {
				keys.add(utf8(String.format("key%04d", i)));
				bulk.put(keys.get(i), utf8("v" + i));
			}
			bulk.write();
			List<Optional<byte[]>> values = db.getMany(keys);
			for (int i = 0; i < keys.size(); i++) {
				int index = i;
				assertThat(values.get(i)).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("v" + index)));
			}
			for (String operation : List.of("BatchWriteItem", "BatchGetItem")) {
				long partial = this.proxy.faults(operation, Fault.PARTIAL_BATCH);
				assertThat(partial).as("partial answers of %s", operation).isPositive();
				assertThat(this.listener.count(operation)).isEqualTo(this.proxy.requests(operation));
				assertThat(this.listener.retries().stream().filter((retry) -> retry.operation().equals(operation)))
					.as("retries of %s", operation)
					.hasSize((int) partial);
				assertThat(this.listener.requests()
					.stream()
					.filter((event) -> event.operation().equals(operation))
					.mapToLong(RequestEvent::unprocessed)
					.sum()).as("unprocessed reported for %s", operation).isEqualTo(this.proxy.withheldItems(operation));
			}
			assertThat(this.listener.retries()).extracting(RetryEvent::reason).containsOnly(RetryReason.UNPROCESSED);
			assertThat(db.keys(Range.all()).all()).hasSize(600);
		}
	}

	@Test
	void transactionsCancelledByConflictsAreRetriedUntilWritten() {
		try (DynamoDbClient client = FaultClients.client(this.proxy.endpoint(), 10);
				LevelDb db = FaultClients.store(client, LocalDynamo.freshTable(), this.listener).open()) {
			this.proxy.plan(new Plan(Map.of(Fault.TRANSACTION_CONFLICT, 0.5), Set.of(), Duration.ZERO));
			this.proxy.resetCounts();
			this.listener.reset();
			for (int i = 0; i < 40; i++) {
				db.batch().put(utf8("a" + i), utf8("1")).put(utf8("b" + i), utf8("2")).write();
			}
			long conflicts = this.proxy.faults("TransactWriteItems", Fault.TRANSACTION_CONFLICT);
			assertThat(conflicts).isPositive();
			assertThat(this.proxy.requests("TransactWriteItems")).isEqualTo(40 + conflicts);
			assertThat(this.listener.retries()).extracting(RetryEvent::reason)
				.hasSize((int) conflicts)
				.containsOnly(RetryReason.TRANSACTION_CONFLICT);
			assertThat(db.keys(Range.all()).all()).hasSize(80);
		}
	}

	private static Plan throttling(double share) {
		return new Plan(Map.of(Fault.THROTTLING, share / 2, Fault.PROVISIONED_THROUGHPUT_EXCEEDED, share / 2),
				Set.of("PutItem", "GetItem", "TransactWriteItems"), Duration.ZERO);
	}

}
