package io.dynamodown;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.MutableClock;
import io.dynamodown.support.RecordingListener;
import io.dynamodown.table.AttributeNames;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table's TTL: enabled on the store's expiry attribute when the store creates the
 * table; an existing table without it is opened with a warning, and reads still leave
 * expired keys out.
 */
class TimeToLiveTableTests {

	@Test
	void aCreatedTableHasTtlOnTheConfiguredAttributeAndItemsCarryIt() {
		AttributeNames names = AttributeNames.DEFAULT.withTtl("expires");
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).attributeNames(names).open()) {
			DynamoDbClient raw = LocalDynamo.client();
			assertThat(raw.describeTimeToLive((d) -> d.tableName(db.table())).timeToLiveDescription())
				.satisfies((ttl) -> assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED))
				.satisfies((ttl) -> assertThat(ttl.attributeName()).isEqualTo("expires"));
			db.put(utf8("k"), utf8("v"), Duration.ofHours(1));
			Map<String, AttributeValue> item = raw.getItem((get) -> get.tableName(db.table())
				.key(Map.of("hkey", AttributeValue.fromS("!"), "rkey",
						AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 0, 'k' })))))
				.item();
			assertThat(item).containsKey("expires").doesNotContainKey("ttl");
			assertThat(Long.parseLong(item.get("expires").n())).isBetween(System.currentTimeMillis() / 1000 + 3590,
					System.currentTimeMillis() / 1000 + 3610);
		}
	}

	@Test
	void anExistingTableWithoutTtlOpensWithAWarningAndReadsStillHideExpiredKeys() {
		String table = LocalDynamo.freshTable();
		LocalDynamo.client()
			.createTable((create) -> create.tableName(table)
				.billingMode(BillingMode.PAY_PER_REQUEST)
				.keySchema((k) -> k.attributeName("hkey").keyType(KeyType.HASH),
						(k) -> k.attributeName("rkey").keyType(KeyType.RANGE))
				.attributeDefinitions((a) -> a.attributeName("hkey").attributeType(ScalarAttributeType.S),
						(a) -> a.attributeName("rkey").attributeType(ScalarAttributeType.B)));
		RecordingListener listener = new RecordingListener();
		MutableClock clock = MutableClock.atRealNow();
		String log = capturingStandardError(() -> {
			try (LevelDb db = LevelDb.builder(LocalDynamo.client())
				.table(table)
				.listener(listener)
				.clock(clock)
				.open()) {
				assertThat(listener.count("DescribeTimeToLive")).isEqualTo(1);
				assertThat(listener.count("UpdateTimeToLive")).isZero();
				db.put(utf8("k"), utf8("v"), Duration.ofMinutes(1));
				clock.advance(Duration.ofMinutes(1));
				assertThat(db.get(utf8("k"))).isEmpty();
			}
		});
		assertThat(log).contains("WARN").contains("'" + table + "'").contains("TTL DISABLED").contains("'ttl'");
	}

	/**
	 * Runs an action with standard error copied into a buffer (where slf4j-simple logs).
	 */
	private static String capturingStandardError(Runnable action) {
		PrintStream original = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
		try {
			action.run();
		}
		finally {
			System.setErr(original);
		}
		return captured.toString(StandardCharsets.UTF_8);
	}

	private static final class TeeStream extends java.io.OutputStream {

		private final PrintStream first;

		private final ByteArrayOutputStream second;

		TeeStream(PrintStream first, ByteArrayOutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) {
			this.first.write(b);
			this.second.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.first.write(bytes, offset, length);
			this.second.write(bytes, offset, length);
		}

	}

}
