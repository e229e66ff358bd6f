package io.dynamodown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.dynamodown.internal.layout.ShardHash;
import io.dynamodown.support.Bytes;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.MutableClock;
import io.dynamodown.support.RawItems;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link LevelDb#copyTo(LevelDb)}: what a copy carries over, how it resumes, and what it
 * refuses.
 */
class CopyTests {

	@Test
	void everyLiveKeyValueAndExpiryIsCopiedIntoADatabaseOfAnotherShardCount() {
		String table = LocalDynamo.freshTable();
		MutableClock clock = MutableClock.atRealNow();
		RecordingListener listener = new RecordingListener();
		try (LevelDb source = store(table, "one", 1, clock, listener).open();
				LevelDb target = store(table, "seven", 7, clock, listener).open()) {
			Batch bulk = source.bulk();
			for (int i = 0; i < 300; i++) {
				bulk.put(utf8(String.format("key-%03d", i)), utf8("value " + i));
			}
			bulk.write();
			byte[] large = random(700_000, 1);
			source.put(utf8("large"), large);
			source.sublevel("sub").put(utf8("inner"), utf8("nested"));
			source.put(utf8("lasting"), utf8("ttl"), Duration.ofDays(2));
			source.put(utf8("gone"), utf8("ttl"), Duration.ofSeconds(10));
			clock.advance(Duration.ofSeconds(10));
			listener.reset();
			assertThat(source.copyTo(target)).isEqualTo(303);
			assertThat(listener.count("Query")).as("one page of one shard").isOne();
			assertThat(listener.count("GetItem")).as("the record of the one source shard").isOne();
			assertThat(listener.count("PutItem")).as("the record after the page").isOne();
			assertThat(listener.count("DeleteItem")).as("the record removed at the end").isOne();
			assertThat(target.iterator(Range.all()).all())
				.containsExactlyElementsOf(source.iterator(Range.all()).all());
			assertThat(target.get(utf8("large"))).hasValue(large);
			assertThat(target.get(utf8("gone"))).isEmpty();
			assertThat(RawItems.item(target, utf8("lasting")).orElseThrow().get("ttl"))
				.isEqualTo(RawItems.item(source, utf8("lasting")).orElseThrow().get("ttl"));
			assertThat(copyRecords(table, "seven")).as("a completed copy removes its records").isZero();
			assertThat(target.copyTo(source)).as("back again, from seven shards").isEqualTo(303);
		}
	}

	@Test
	void aCopyThatStoppedResumesFromItsLastPage() {
		String table = LocalDynamo.freshTable();
		RecordingListener listener = new RecordingListener();
		List<byte[]> keys = new ArrayList<>();
		try (LevelDb source = store(table, "source", 3, null, listener).open()) {
			for (int i = 0; i < 60; i++) {
				byte[] key = utf8(String.format("k%02d", i));
				keys.add(key);
				source.put(key, random(100_000, i));
			}
			byte[] tooLarge = keys.stream().filter((key) -> ShardHash.shardOf(key, 3) == 1).toList().get(15);
			source.put(tooLarge, random(600_000, 99));
			try (LevelDb small = store(table, "target", 2, null, listener).maxValueSize(500_000).open()) {
				assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> source.copyTo(small))
					.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_VALUE));
				assertThat(copyRecords(table, "target")).as("a record per source shard").isEqualTo(3);
				assertThat(small.get(keys.get(0))).isPresent();
			}
			try (LevelDb target = store(table, "target", 2, null, listener).open()) {
				listener.reset();
				long copied = source.copyTo(target);
				assertThat(copied).as("only the rest of the shard that stopped")
					.isPositive()
					.isLessThan(keys.stream().filter((key) -> ShardHash.shardOf(key, 3) == 1).count());
				assertThat(listener.count("GetItem")).as("the records of the three shards").isEqualTo(3);
				assertThat(target.keys(Range.all()).all()).hasSize(60);
				assertThat(target.get(tooLarge).orElseThrow()).isEqualTo(source.get(tooLarge).orElseThrow());
				assertThat(copyRecords(table, "target")).isZero();
			}
		}
	}

	@Test
	void aCopyNeedsTwoRootStoresOfTwoDatabases() {
		String table = LocalDynamo.freshTable();
		try (LevelDb db = store(table, "a", 2, null, new RecordingListener()).open();
				LevelDb same = store(table, "a", 2, null, new RecordingListener()).open()) {
			for (LevelDb target : List.of(db, same, db.sublevel("s"))) {
				assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.copyTo(target))
					.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
					.withMessageContaining("target of copyTo");
			}
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.sublevel("s").copyTo(same))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
				.withMessageContaining("root store");
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.copyTo(null))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
		}
	}

	private static LevelDbBuilder store(String table, String hashKey, int shards, MutableClock clock,
			RecordingListener listener) {
		LevelDbBuilder builder = LevelDb.builder(LocalDynamo.client())
			.table(table)
			.hashKey(hashKey)
			.shards(shards)
			.listener(listener);
		return (clock != null) ? builder.clock(clock) : builder;
	}

	private static byte[] random(int length, long seed) {
		byte[] bytes = new byte[length];
		new SplittableRandom(seed).nextBytes(bytes);
		return bytes;
	}

	/**
	 * The copy records in a database's records space.
	 */
	private static int copyRecords(String table, String hashKey) {
		QueryResponse response = LocalDynamo.client()
			.query((query) -> query.tableName(table)
				.consistentRead(true)
				.keyConditionExpression("hkey = :h AND begins_with(rkey, :copy)")
				.expressionAttributeValues(Map.of(":h", AttributeValue.fromS(hashKey), ":copy",
						AttributeValue.fromB(SdkBytes.fromByteArray(Bytes.of(0x02, 'c', 'o', 'p', 'y', '/'))))));
		return response.count();
	}

}
