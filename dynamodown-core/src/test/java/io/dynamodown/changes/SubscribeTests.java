package io.dynamodown.changes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicReference;

import io.dynamodown.Change;
import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.Range;
import io.dynamodown.Subscription;
import io.dynamodown.retry.RetryPolicy;
import io.dynamodown.support.ChangeLog;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What a subscription delivers, read from the embedded server's stream over HTTP: every
 * write of the store as a change, in order, with decoded values; nothing of other views,
 * other databases, chunks or the feed's own records; checkpoints, retries and stops.
 */
class SubscribeTests {

	static final SubscriptionOptions FAST = SubscriptionOptions.DEFAULT.withPollInterval(Duration.ofMillis(20));

	static final SubscriptionOptions FAST_FROM_OLDEST = FAST.withStartPosition(StartPosition.TRIM_HORIZON);

	@Test
	void aTableTheStoreCreatesHasAStreamOfBothImages() {
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open()) {
			TableDescription table = LocalDynamo.client().describeTable((d) -> d.tableName(db.table())).table();
			assertThat(table.streamSpecification().streamEnabled()).isTrue();
			assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
		}
	}

	@Test
	void putsAndDeletesArriveInOrderWithTheirValues() {
		ChangeLog log = new ChangeLog();
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open();
				Subscription subscription = db.subscribe("app", FAST, log)) {
			db.put(utf8("a"), utf8("1"));
			db.put(utf8("a"), utf8("2"));
			db.delete(utf8("a"));
			List<Change> changes = log.await(3);
			assertThat(changes).extracting(ChangeLog::text).containsExactly("PUT a=1", "PUT a=2", "DELETE a");
			assertThat(changes.get(0).previousValue()).isEmpty();
			assertThat(changes.get(1).previousValue()).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("1")));
			assertThat(changes.get(2).previousValue()).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("2")));
			assertThat(changes).allSatisfy((change) -> assertThat(change.sequenceNumber()).matches("[0-9]+"));
			assertThat(subscription.isActive()).isTrue();
			assertThat(subscription.consumer()).isEqualTo("app");
		}
	}

	@Test
	void everyKindOfWriteIsAChange() {
		ChangeLog log = new ChangeLog();
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open();
				Subscription subscription = db.subscribe("app", FAST, log)) {
			db.batch().put(utf8("a"), utf8("1")).put(utf8("b"), utf8("1")).write();
			db.bulk().put(utf8("c"), utf8("1")).put(utf8("d"), utf8("1")).write();
			db.putIfAbsent(utf8("e"), utf8("1"));
			db.replace(utf8("e"), utf8("1"), utf8("2"));
			db.delete(utf8("a"), utf8("1"));
			db.clear(Range.all().gte("c").lte("d"));
			List<String> changes = log.await(9).stream().map(ChangeLog::text).toList();
			assertThat(changes).containsExactlyInAnyOrder("PUT a=1", "PUT b=1", "PUT c=1", "PUT d=1", "PUT e=1",
					"PUT e=2", "DELETE a", "DELETE c", "DELETE d");
			assertThat(changes).containsSubsequence("PUT e=1", "PUT e=2").containsSubsequence("PUT a=1", "DELETE a");
		}
	}

	@Test
	void valuesArriveDecodedAndLargeValuesWholeButNoChunkIsAChange() {
		ChangeLog log = new ChangeLog();
		byte[] text = utf8("{\"name\":\"amy\"}".repeat(300));
		byte[] large = randomBytes(600 * 1024);
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open();
				Subscription subscription = db.subscribe("app", FAST, log)) {
			db.put(utf8("text"), text);
			db.put(utf8("large"), large);
			log.await(2);
			db.put(utf8("large"), utf8("small"));
			db.put(utf8("last"), utf8("1"));
			List<Change> changes = log.await(4);
			assertThat(changes).extracting(Change::kind, (change) -> new String(change.key(), StandardCharsets.UTF_8))
				.containsExactly(tuple(Change.Kind.PUT, "text"), tuple(Change.Kind.PUT, "large"),
						tuple(Change.Kind.PUT, "large"), tuple(Change.Kind.PUT, "last"));
			assertThat(Arrays.equals(changes.get(0).value().orElseThrow(), text)).as("compressed value decoded")
				.isTrue();
			assertThat(Arrays.equals(changes.get(1).value().orElseThrow(), large)).as("chunked value read whole")
				.isTrue();
			assertThat(changes.get(1).superseded()).isFalse();
			assertThat(changes.get(2).value())
				.hasValueSatisfying((value) -> assertThat(value).isEqualTo(utf8("small")));
			assertThat(changes.get(2).previousValue()).as("a large previous value's chunks are gone").isEmpty();
		}
	}

	@Test
	void aLargeValueReplacedBeforeItWasReadArrivesSupersededByTheKeysValue() {
		ChangeLog log = new ChangeLog();
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open()) {
			db.put(utf8("large"), randomBytes(600 * 1024));
			db.put(utf8("large"), utf8("small"));
			try (Subscription subscription = db.subscribe("app", FAST_FROM_OLDEST, log)) {
				List<Change> changes = log.await(2);
				assertThat(changes).extracting(ChangeLog::text).containsExactly("PUT large=small", "PUT large=small");
				assertThat(changes).extracting(Change::superseded).containsExactly(true, false);
			}
		}
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new Random(7).nextBytes(bytes);
		return bytes;
	}

	@Test
	void aSublevelSeesOnlyItsOwnKeysWithoutItsPrefix() {
		ChangeLog root = new ChangeLog();
		ChangeLog users = new ChangeLog();
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open();
				Subscription rootSubscription = db.subscribe("app", FAST, root);
				Subscription usersSubscription = db.sublevel("users").subscribe("app", FAST, users)) {
			db.put(utf8("top"), utf8("1"));
			db.sublevel("users").put(utf8("amy"), utf8("2"));
			db.sublevel("orders").put(utf8("amy"), utf8("3"));
			db.sublevel("users").put(utf8("bob"), utf8("4"));
			assertThat(root.await(4)).extracting(ChangeLog::text)
				.containsExactly("PUT top=1", "PUT !users!amy=2", "PUT !orders!amy=3", "PUT !users!bob=4");
			assertThat(users.await(2)).extracting(ChangeLog::text).containsExactly("PUT amy=2", "PUT bob=4");
		}
	}

	@Test
	void anotherDatabaseOfTheSameTableIsNotSeen() {
		ChangeLog log = new ChangeLog();
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).hashKey("one").open();
				LevelDb other = LevelDb.builder(LocalDynamo.client()).table(db.table()).hashKey("two").open();
				Subscription subscription = db.subscribe("app", FAST, log)) {
			other.put(utf8("a"), utf8("other"));
			db.put(utf8("a"), utf8("mine"));
			db.put(utf8("b"), utf8("mine"));
			assertThat(log.await(2)).extracting(ChangeLog::text).containsExactly("PUT a=mine", "PUT b=mine");
		}
	}

	@Test
	void aNewConsumerStartsNowUnlessAskedForTheOldestChange() {
		ChangeLog now = new ChangeLog();
		ChangeLog oldest = new ChangeLog();
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open()) {
			db.put(utf8("before"), utf8("1"));
			try (Subscription latest = db.subscribe("latest", FAST, now);
					Subscription horizon = db.subscribe("horizon", FAST_FROM_OLDEST, oldest)) {
				db.put(utf8("after"), utf8("1"));
				assertThat(oldest.await(2)).extracting(ChangeLog::text).containsExactly("PUT before=1", "PUT after=1");
				assertThat(now.await(1)).extracting(ChangeLog::text).containsExactly("PUT after=1");
			}
		}
	}

	@Test
	void aConsumerResumesAfterItsCheckpoint() {
		ChangeLog first = new ChangeLog();
		ChangeLog second = new ChangeLog();
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open()) {
			try (Subscription subscription = db.subscribe("app", FAST, first)) {
				db.put(utf8("a"), utf8("1"));
				db.put(utf8("b"), utf8("1"));
				first.await(2);
			}
			db.put(utf8("c"), utf8("1"));
			try (Subscription subscription = db.subscribe("app", FAST, second)) {
				db.put(utf8("d"), utf8("1"));
				assertThat(second.await(2)).extracting(ChangeLog::text).containsExactly("PUT c=1", "PUT d=1");
			}
			assertThat(first.changes()).extracting(ChangeLog::text).containsExactly("PUT a=1", "PUT b=1");
		}
	}

	@Test
	void aThrowingHandlerGetsTheSameChangeAgainAndLaterChangesWait() {
		ChangeLog log = new ChangeLog();
		AtomicInteger attempts = new AtomicInteger();
		SubscriptionOptions options = FAST
			.withHandlerRetry(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(30)));
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open();
				Subscription subscription = db.subscribe("app", options, (change) -> {
					if (ChangeLog.text(change).equals("PUT b=1") && attempts.incrementAndGet() < 3) {
						throw new IllegalStateException("not yet");
					}
					log.accept(change);
				})) {
			db.put(utf8("a"), utf8("1"));
			db.put(utf8("b"), utf8("1"));
			db.put(utf8("c"), utf8("1"));
			assertThat(log.await(3)).extracting(ChangeLog::text).containsExactly("PUT a=1", "PUT b=1", "PUT c=1");
			assertThat(attempts).hasValue(3);
			assertThat(subscription.isActive()).isTrue();
		}
	}

	@Test
	void aHandlerThatKeepsFailingStopsTheSubscriptionBeforeTheChangeItFailedOn() throws Exception {
		ChangeLog again = new ChangeLog();
		SubscriptionOptions options = FAST
			.withHandlerRetry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(30)));
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open()) {
			Subscription failing = db.subscribe("app", options, (change) -> {
				if (ChangeLog.text(change).equals("PUT b=1")) {
					throw new IllegalStateException("b is refused");
				}
			});
			assertThat(failing.shardsHeld()).isEqualTo(1);
			db.put(utf8("a"), utf8("1"));
			db.put(utf8("b"), utf8("1"));
			db.put(utf8("c"), utf8("1"));
			ExecutionException stopped = catchThrowableOfType(ExecutionException.class,
					() -> failing.stopped().toCompletableFuture().get(30, TimeUnit.SECONDS));
			assertThat(stopped.getCause()).isInstanceOf(LevelDbException.class);
			LevelDbException failure = failing.failure().orElseThrow();
			assertThat(failure.code()).isEqualTo(ErrorCode.HANDLER_FAILED);
			assertThat(failure).hasMessageContaining("failed 2 times on the PUT of key 62 (hex")
				.hasRootCauseMessage("b is refused");
			assertThat(failing.isActive()).isFalse();
			assertThat(failing.shardsHeld()).isZero();
			try (Subscription next = db.subscribe("app", FAST, again)) {
				assertThat(again.await(2)).extracting(ChangeLog::text).containsExactly("PUT b=1", "PUT c=1");
			}
		}
	}

	@Test
	void closingFromTheHandlerStopsAfterTheChangeInHand() throws Exception {
		ChangeLog rest = new ChangeLog();
		AtomicReference<Subscription> self = new AtomicReference<>();
		CompletableFuture<Change> first = new CompletableFuture<>();
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open()) {
			db.put(utf8("a"), utf8("1"));
			db.put(utf8("b"), utf8("1"));
			self.set(db.subscribe("app", FAST_FROM_OLDEST, (change) -> {
				if (first.complete(change)) {
					self.get().close();
				}
				else {
					throw new AssertionError("delivered after close: " + ChangeLog.text(change));
				}
			}));
			assertThat(ChangeLog.text(first.get(30, TimeUnit.SECONDS))).isEqualTo("PUT a=1");
			self.get().stopped().toCompletableFuture().get(30, TimeUnit.SECONDS);
			try (Subscription next = db.subscribe("app", FAST, rest)) {
				assertThat(rest.await(1)).extracting(ChangeLog::text).containsExactly("PUT b=1");
			}
		}
	}

	@Test
	void anIdleSubscriptionReadsButWritesNothingNotEvenForTheRecordsOfItsOwnCheckpoints() {
		ChangeLog log = new ChangeLog();
		RecordingListener listener = new RecordingListener();
		SubscriptionOptions rareRenewals = FAST.withLeaseDuration(Duration.ofHours(1));
		try (LevelDb db = LocalDynamo.freshStore(listener).open();
				Subscription subscription = db.subscribe("app", rareRenewals, log)) {
			db.put(utf8("a"), utf8("1"));
			log.await(1);
			// The checkpoint of the change is written before the shard's next read.
			long polls = awaitRequests(listener, "GetRecords", listener.count("GetRecords") + 1);
			long writes = listener.count("UpdateItem") + listener.count("PutItem");
			awaitRequests(listener, "GetRecords", polls + 30);
			assertThat(listener.count("UpdateItem") + listener.count("PutItem"))
				.as("writes while 30 reads found nothing new")
				.isEqualTo(writes);
		}
	}

	/**
	 * Waits until a store has sent at least {@code count} requests of an operation.
	 */
	private static long awaitRequests(RecordingListener listener, String operation, long count) {
		long deadline = System.nanoTime() + ChangeLog.DEADLINE.toNanos();
		while (listener.count(operation) < count && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
		}
		assertThat(listener.count(operation)).isGreaterThanOrEqualTo(count);
		return listener.count(operation);
	}

	@Test
	void subscribingANewConsumerCostsTheseRequests() {
		RecordingListener listener = new RecordingListener();
		try (LevelDb db = LocalDynamo.freshStore(listener).open()) {
			listener.reset();
			try (Subscription subscription = db.subscribe("app", FAST, (change) -> {
			})) {
				assertThat(listener.count("DescribeTable")).isEqualTo(1);
				assertThat(listener.count("DescribeStream")).isEqualTo(1);
				assertThat(listener.count("Query")).as("the consumer's records, before and in the first round")
					.isEqualTo(2);
				assertThat(listener.count("PutItem")).as("the consumer's record and the membership").isEqualTo(2);
				assertThat(listener.count("UpdateItem")).as("the one shard taken").isEqualTo(1);
				assertThat(listener.count("GetShardIterator")).as("the shard positioned").isEqualTo(1);
			}
		}
	}

	@Test
	void aStreamThatIsDisabledStopsTheSubscriptionNamingTheSettingToChange() throws Exception {
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open()) {
			Subscription subscription = db.subscribe("app", FAST, (change) -> {
			});
			LocalDynamo.client()
				.updateTable(
						(update) -> update.tableName(db.table()).streamSpecification((s) -> s.streamEnabled(false)));
			ExecutionException stopped = catchThrowableOfType(ExecutionException.class,
					() -> subscription.stopped().toCompletableFuture().get(60, TimeUnit.SECONDS));
			LevelDbException failure = (LevelDbException) stopped.getCause();
			assertThat(failure.code()).isEqualTo(ErrorCode.STREAM_UNAVAILABLE);
			assertThat(failure).hasMessageContaining("StreamEnabled=true");
		}
	}

	@Test
	void closingTheStoreStopsItsSubscriptions() throws Exception {
		LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open();
		Subscription subscription = db.subscribe("app", FAST, (change) -> {
		});
		db.close();
		assertThat(subscription.isActive()).isFalse();
		assertThat(subscription.stopped().toCompletableFuture().get(30, TimeUnit.SECONDS)).isNull();
		assertThat(subscription.failure()).isEmpty();
	}

}
