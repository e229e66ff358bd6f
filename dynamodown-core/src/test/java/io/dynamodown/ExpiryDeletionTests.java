package io.dynamodown;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.dynamodown.embedded.EmbeddedDynamoDb;
import io.dynamodown.support.MutableClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table the store creates has TTL enabled on the expiry attribute, and the embedded
 * server really deletes an expired item: its time-to-live sweep runs every second in the
 * background, so the item is polled for (a raw {@code GetItem} every 100 ms) up to a
 * deadline of 60 s. The test has a server of its own, apart from the run's shared one.
 */
class ExpiryDeletionTests {

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	@Test
	void theServerDeletesAnItemOnceItHasExpired() {
		MutableClock clock = new MutableClock(Instant.now().minus(Duration.ofHours(2)));
		try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start();
				LevelDb db = LevelDb.builder(server.client()).table("expiry").clock(clock).open()) {
			DynamoDbClient raw = server.client();
			assertThat(raw.describeTimeToLive((d) -> d.tableName(db.table())).timeToLiveDescription())
				.satisfies((ttl) -> assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED))
				.satisfies((ttl) -> assertThat(ttl.attributeName()).isEqualTo("ttl"));
			db.put(utf8("kept"), utf8("v"));
			db.put(utf8("expired"), utf8("v"), Duration.ofHours(1));
			long start = System.nanoTime();
			long deadline = start + DEADLINE.toNanos();
			while (exists(raw, db, "expired") && System.nanoTime() < deadline) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
			}
			long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			System.out.printf("The embedded server deleted the expired item after %d ms%n", waited);
			assertThat(exists(raw, db, "expired")).as("deleted within %s", DEADLINE).isFalse();
			assertThat(exists(raw, db, "kept")).isTrue();
		}
	}

	private static boolean exists(DynamoDbClient raw, LevelDb db, String key) {
		byte[] sortKey = new byte[key.length() + 1];
		System.arraycopy(utf8(key), 0, sortKey, 1, key.length());
		Map<String, AttributeValue> item = raw.getItem((get) -> get.tableName(db.table())
			.consistentRead(true)
			.key(Map.of("hkey", AttributeValue.fromS(db.hashKey()), "rkey",
					AttributeValue.fromB(SdkBytes.fromByteArray(sortKey)))))
			.item();
		return item != null && !item.isEmpty();
	}

}
