package io.dynamodown.changes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.dynamodown.Change;
import io.dynamodown.LevelDb;
import io.dynamodown.Subscription;
import io.dynamodown.support.ChangeLog;
import io.dynamodown.support.RecordingListener;
import io.dynamodown.support.StreamingServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What time does to a stream, on a server whose clock the test moves: expiries, iterators
 * that expire after 15 minutes, records trimmed after 24 hours, shards that close and
 * hand over to children.
 */
class StreamTimeTests {

	private static final SubscriptionOptions FAST = SubscribeTests.FAST;

	/**
	 * Leases longer than the clock moves, so that moving it does not make the
	 * subscriber's own lease run out before its next renewal.
	 */
	private static final SubscriptionOptions LONG_LEASES = FAST.withLeaseDuration(Duration.ofHours(1));

	@Test
	void aKeyDeletedByTheTimeToLiveArrivesAsAnExpiryWithTheValueThatExpired() {
		ChangeLog log = new ChangeLog();
		try (StreamingServer server = StreamingServer.start(1, Duration.ofHours(4));
				LevelDb db = LevelDb.builder(server.client()).table("expiry").clock(server.clock()).open();
				Subscription subscription = db.subscribe("app", LONG_LEASES, log)) {
			db.put(utf8("session"), utf8("amy"), Duration.ofSeconds(30));
			db.put(utf8("kept"), utf8("bob"), Duration.ofHours(1));
			log.await(2);
			server.clock().advance(Duration.ofMinutes(1));
			assertThat(server.expireItems()).isEqualTo(1);
			List<Change> changes = log.await(3);
			assertThat(changes).extracting(ChangeLog::text)
				.containsExactly("PUT session=amy", "PUT kept=bob", "EXPIRED session");
			assertThat(changes.get(2).previousValue()).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("amy")));
		}
	}

	@Test
	void aDeleteOfAKeyThatHadExpiredArrivesAsAnExpiry() {
		ChangeLog log = new ChangeLog();
		try (StreamingServer server = StreamingServer.start(1, Duration.ofHours(4));
				LevelDb db = LevelDb.builder(server.client()).table("expiry").clock(server.clock()).open();
				Subscription subscription = db.subscribe("app", LONG_LEASES, log)) {
			db.put(utf8("session"), utf8("amy"), Duration.ofSeconds(30));
			server.clock().advance(Duration.ofMinutes(1));
			db.delete(utf8("session"));
			assertThat(log.await(2)).extracting(ChangeLog::text).containsExactly("PUT session=amy", "EXPIRED session");
		}
	}

	@Test
	void anExpiredIteratorIsTakenAgainFromTheCheckpoint() {
		ChangeLog log = new ChangeLog();
		RecordingListener listener = new RecordingListener();
		try (StreamingServer server = StreamingServer.start(1, Duration.ofHours(4));
				LevelDb db = LevelDb.builder(server.client()).table("iterators").listener(listener).open();
				Subscription subscription = db.subscribe("app", FAST.withPollInterval(Duration.ofMillis(200)), log)) {
			db.put(utf8("a"), utf8("1"));
			log.await(1);
			long iterators = listener.count("GetShardIterator");
			server.clock().advance(Duration.ofMinutes(16));
			db.put(utf8("b"), utf8("1"));
			assertThat(log.await(2)).extracting(ChangeLog::text).containsExactly("PUT a=1", "PUT b=1");
			assertThat(listener.count("GetShardIterator")).isGreaterThan(iterators);
			assertThat(listener.lost()).isEmpty();
		}
	}

	@Test
	void aCheckpointOlderThanTheRetentionIsReportedAndDeliveryGoesOnFromTheOldestChange() {
		ChangeLog first = new ChangeLog();
		ChangeLog second = new ChangeLog();
		RecordingListener listener = new RecordingListener();
		try (StreamingServer server = StreamingServer.start(1, Duration.ofHours(4));
				LevelDb db = LevelDb.builder(server.client()).table("retention").listener(listener).open()) {
			try (Subscription subscription = db.subscribe("app", FAST, first)) {
				db.put(utf8("a"), utf8("1"));
				first.await(1);
			}
			db.put(utf8("missed"), utf8("1"));
			server.clock().advance(Duration.ofHours(25));
			db.put(utf8("c"), utf8("1"));
			try (Subscription subscription = db.subscribe("app", FAST, second)) {
				db.put(utf8("d"), utf8("1"));
				assertThat(second.await(2)).extracting(ChangeLog::text).containsExactly("PUT c=1", "PUT d=1");
			}
			assertThat(listener.lost()).isNotEmpty()
				.allSatisfy((event) -> assertThat(event.consumer()).isEqualTo("app"))
				.anySatisfy((event) -> assertThat(event.reason()).contains("trimmed"));
		}
	}

	@Test
	void aCheckpointOlderThanTheRetentionInAShardStillOpenIsReportedAndTheShardReadFromItsOldestRecord() {
		ChangeLog first = new ChangeLog();
		ChangeLog second = new ChangeLog();
		RecordingListener listener = new RecordingListener();
		try (StreamingServer server = StreamingServer.start(1, Duration.ofDays(7));
				LevelDb db = LevelDb.builder(server.client()).table("retention").listener(listener).open()) {
			try (Subscription subscription = db.subscribe("app", FAST, first)) {
				db.put(utf8("a"), utf8("1"));
				first.await(1);
			}
			db.put(utf8("missed"), utf8("1"));
			server.clock().advance(Duration.ofHours(25));
			db.put(utf8("c"), utf8("1"));
			long iterators = listener.count("GetShardIterator");
			try (Subscription subscription = db.subscribe("app", FAST, second)) {
				assertThat(second.await(1)).extracting(ChangeLog::text).containsExactly("PUT c=1");
			}
			assertThat(listener.lost()).singleElement()
				.satisfies((event) -> assertThat(event.reason()).startsWith("changes after sequence number "));
			assertThat(listener.count("GetShardIterator") - iterators).as("refused, then from the oldest record")
				.isEqualTo(2);
		}
	}

	@Test
	void aChildShardLeftUnreadForLongerThanTheRetentionIsReported() {
		ChangeLog first = new ChangeLog();
		ChangeLog second = new ChangeLog();
		RecordingListener listener = new RecordingListener();
		SubscriptionOptions options = LONG_LEASES.withStartPosition(StartPosition.TRIM_HORIZON);
		try (StreamingServer server = StreamingServer.start(1, Duration.ofMinutes(1));
				LevelDb db = LevelDb.builder(server.client())
					.table("left")
					.clock(server.clock())
					.listener(listener)
					.open()) {
			try (Subscription subscription = db.subscribe("app", options, first)) {
				db.put(utf8("a"), utf8("1"));
				first.await(1);
				server.clock().advance(Duration.ofSeconds(61));
				awaitShardRecords(server, 2);
			}
			db.put(utf8("b"), utf8("1"));
			server.clock().advance(Duration.ofHours(25));
			db.put(utf8("c"), utf8("1"));
			try (Subscription subscription = db.subscribe("app", options, second)) {
				assertThat(second.await(1)).extracting(ChangeLog::text).containsExactly("PUT c=1");
			}
			assertThat(listener.lost()).as("the change b, trimmed unread, is reported").isNotEmpty();
		}
	}

	/**
	 * Waits until the consumer {@code app} has records of {@code count} shards: the first
	 * shard ended and its child taken.
	 */
	private static void awaitShardRecords(StreamingServer server, int count) {
		byte[] prefix = "\u0002changes/app/-/shard/".getBytes(StandardCharsets.US_ASCII);
		DynamoDbClient raw = server.client();
		long deadline = System.nanoTime() + ChangeLog.DEADLINE.toNanos();
		int found = 0;
		while (found < count && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
			found = raw
				.query((query) -> query.tableName("left")
					.consistentRead(true)
					.keyConditionExpression("hkey = :h AND begins_with(rkey, :p)")
					.expressionAttributeValues(Map.of(":h", AttributeValue.fromS("!"), ":p",
							AttributeValue.fromB(SdkBytes.fromByteArray(prefix)))))
				.count();
		}
		assertThat(found).as("shard records").isEqualTo(count);
	}

	@Test
	void aParentShardIsReadToItsEndBeforeItsChildSoEachKeysChangesStayInOrder() {
		ChangeLog log = new ChangeLog();
		try (StreamingServer server = StreamingServer.start(2, Duration.ofMinutes(1));
				LevelDb db = LevelDb.builder(server.client()).table("rollover").open()) {
			for (int round = 0; round < 4; round++) {
				for (String key : List.of("a", "b", "c")) {
					db.put(utf8(key), utf8(Integer.toString(round)));
				}
				server.clock().advance(Duration.ofSeconds(61));
			}
			try (Subscription subscription = db.subscribe("app", FAST.withStartPosition(StartPosition.TRIM_HORIZON),
					log)) {
				List<String> changes = log.await(12).stream().map(ChangeLog::text).toList();
				for (String key : List.of("a", "b", "c")) {
					assertThat(changes.stream().filter((change) -> change.startsWith("PUT " + key + "=")))
						.containsExactly("PUT " + key + "=0", "PUT " + key + "=1", "PUT " + key + "=2",
								"PUT " + key + "=3");
				}
			}
		}
	}

}
