package io.dynamodown;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dynamodown.changes.SubscriptionOptions;
import io.dynamodown.codec.Codec;
import io.dynamodown.codec.TypedLevelDb;
import io.dynamodown.internal.key.ByteKey;
import io.dynamodown.internal.key.ByteKeys;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.layout.ShardHash;
import io.dynamodown.iq80.Iq80Db;
import io.dynamodown.support.Bytes;
import io.dynamodown.support.ChangeLog;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.MutableClock;
import io.dynamodown.support.RawItems;
import io.dynamodown.support.RecordingListener;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Databases of several shards: the option's bounds, the descriptor that records the
 * count, where items go, and what each operation costs, against a database of one shard.
 */
class ShardingTests {

	private static final byte[] DESCRIPTOR = { 0x02, 'd', 'e', 's', 'c', 'r', 'i', 'p', 't', 'o', 'r' };

	@Test
	void aShardCountOutOfRangeIsRefusedBeforeAnyRequest() {
		RecordingListener listener = new RecordingListener();
		LevelDbBuilder builder = LocalDynamo.freshStore(listener);
		for (int bad : new int[] { 0, -3, 257 }) {
			for (Runnable refused : List.<Runnable>of(() -> builder.shards(bad),
					() -> LevelDbOptions.builder().shards(bad))) {
				assertThatExceptionOfType(InvalidOptionException.class).isThrownBy(refused::run).satisfies((ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
					assertThat(ex.option()).isEqualTo("shards");
					assertThat(ex.rejectedValue()).isEqualTo(bad);
					assertThat(ex.getMessage()).endsWith("shards must be 1 to 256, was " + bad);
				});
			}
		}
		assertThat(LevelDbOptions.builder().shards(LevelDbOptions.MAX_SHARDS).table("app").build().shards())
			.isEqualTo(256);
		assertThat(listener.total()).isZero();
	}

	@Test
	void aHashKeyTooLongForItsShardsOrHoldingTheSeparatorIsRefusedBeforeAnyRequest() {
		RecordingListener listener = new RecordingListener();
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> LocalDynamo.freshStore(listener).hashKey("h".repeat(2047)).shards(16).open())
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo("hashKey"))
			.satisfies((ex) -> assertThat(ex.rule((name) -> "dynamodown." + name))
				.isEqualTo("must be 1 to 2045 bytes of UTF-8 when dynamodown.shards is 16, which leaves room for"
						+ " U+0000 and the number of the last shard (it has 2047 bytes)"));
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> LocalDynamo.freshStore(listener).hashKey("users\u00001"))
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo("hashKey"))
			.withMessageContaining(
					"must not contain U+0000, which the partition keys of shards use (found at index 5)");
		assertThat(listener.total()).isZero();
		try (LevelDb db = LocalDynamo.freshStore(listener).hashKey("h".repeat(2045)).shards(16).open()) {
			db.put(utf8("k"), utf8("v"));
			assertThat(db.get(utf8("k"))).hasValue(utf8("v"));
		}
	}

	@Test
	void theCountIsRecordedOnFirstOpenAndAnotherCountIsRefused() {
		String table = LocalDynamo.freshTable();
		RecordingListener listener = new RecordingListener();
		try (LevelDb db = open(table, "users", 7, listener)) {
			assertThat(db.shards()).isEqualTo(7);
			db.put(utf8("amy"), utf8("1"));
		}
		Map<String, AttributeValue> descriptor = record(table, "users", DESCRIPTOR);
		assertThat(descriptor.get("value").m()).isEqualTo(Map.of("shards", AttributeValue.fromN("7")));
		listener.reset();
		try (LevelDb db = open(table, "users", 7, listener)) {
			assertThat(listener.requests()).extracting((event) -> event.operation())
				.as("a later open reads the descriptor, one request")
				.containsExactly("DescribeTable", "DescribeTimeToLive", "GetItem");
			assertThat(db.get(utf8("amy"))).hasValue(utf8("1"));
		}
		for (int other : new int[] { 1, 4 }) {
			assertThatExceptionOfType(ShardCountMismatchException.class)
				.isThrownBy(() -> open(table, "users", other, listener))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH))
				.satisfies((ex) -> assertThat(ex.recordedShards()).isEqualTo(7))
				.satisfies((ex) -> assertThat(ex.requestedShards()).isEqualTo(other))
				.withMessageContaining("database '" + table + "/users' has 7 shards (recorded in its descriptor)")
				.withMessageContaining("opened with " + other)
				.withMessageContaining("set dynamodown.shards (LevelDbBuilder.shards) to 7")
				.withMessageContaining("LevelDb.copyTo");
		}
	}

	@Test
	void anUnshardedDatabaseOpensWithOneRequestMoreThanBefore() {
		String table = LocalDynamo.freshTable();
		RecordingListener listener = new RecordingListener();
		open(table, "!", 1, listener).close();
		assertThat(listener.requests()).extracting((event) -> event.operation())
			.as("a table the store creates: the descriptor is written without a read")
			.endsWith("UpdateTimeToLive", "PutItem");
		assertThat(record(table, "!", DESCRIPTOR).get("value").m().get("shards").n()).isEqualTo("1");
		listener.reset();
		open(table, "!", 1, listener).close();
		assertThat(listener.requests()).extracting((event) -> event.operation())
			.containsExactly("DescribeTable", "DescribeTimeToLive", "GetItem");
		listener.reset();
		open(table, "another", 3, listener).close();
		assertThat(listener.requests()).extracting((event) -> event.operation())
			.as("a new sharded database in an existing table checks it holds no keys yet")
			.containsExactly("DescribeTable", "DescribeTimeToLive", "GetItem", "Query", "PutItem");
	}

	@Test
	void aDatabaseWrittenBeforeDescriptorsHasOneShard() {
		String table = LocalDynamo.freshTable();
		try (LevelDb db = open(table, "old", 1, new RecordingListener())) {
			db.put(utf8("a"), utf8("1"));
		}
		LocalDynamo.client()
			.deleteItem((delete) -> delete.tableName(table)
				.key(Map.of("hkey", AttributeValue.fromS("old"), "rkey",
						AttributeValue.fromB(SdkBytes.fromByteArray(DESCRIPTOR)))));
		assertThatExceptionOfType(LevelDbException.class)
			.isThrownBy(() -> open(table, "old", 7, new RecordingListener()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH))
			.withMessageContaining("has 1 shard (it has no descriptor: it was written before shard counts were"
					+ " recorded), opened with 7");
		try (LevelDb db = open(table, "old", 1, new RecordingListener())) {
			assertThat(db.get(utf8("a"))).hasValue(utf8("1"));
		}
		assertThat(record(table, "old", DESCRIPTOR).get("value").m().get("shards").n()).isEqualTo("1");
	}

	@Test
	void ofTwoFirstOpensWithDifferentCountsOneWins() {
		String table = LocalDynamo.freshTable();
		open(table, "other", 1, new RecordingListener()).close();
		ExecutionInterceptor rival = new ExecutionInterceptor() {

			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				if (context.request() instanceof PutItemRequest put && put.item().get("rkey") != null
						&& put.item().get("rkey").b().asByteArray()[0] == 0x02) {
					LocalDynamo.client()
						.putItem((rivalPut) -> rivalPut.tableName(table)
							.item(Map.of("hkey", AttributeValue.fromS("race"), "rkey",
									AttributeValue.fromB(SdkBytes.fromByteArray(DESCRIPTOR)), "value",
									AttributeValue.fromM(Map.of("shards", AttributeValue.fromN("3"))))));
				}
			}

		};
		try (DynamoDbClient client = LocalDynamo.server()
			.clientBuilder()
			.overrideConfiguration((c) -> c.addExecutionInterceptor(rival))
			.build()) {
			assertThatExceptionOfType(LevelDbException.class)
				.isThrownBy(() -> LevelDb.builder(client).table(table).hashKey("race").shards(5).open())
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH))
				.withMessageContaining("has 3 shards (recorded in its descriptor by another open), opened with 5");
		}
	}

	@Test
	void aDescriptorThatCannotBeReadFailsTheOpen() {
		String table = LocalDynamo.freshTable();
		open(table, "x", 1, new RecordingListener()).close();
		LocalDynamo.client()
			.putItem((put) -> put.tableName(table)
				.item(Map.of("hkey", AttributeValue.fromS("x"), "rkey",
						AttributeValue.fromB(SdkBytes.fromByteArray(DESCRIPTOR)), "value",
						AttributeValue.fromM(Map.of("shards", AttributeValue.fromN("1000"))))));
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> open(table, "x", 1, new RecordingListener()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CORRUPT_ITEM))
			.withMessageContaining("descriptor")
			.withMessageContaining("'1000'");
	}

	@Test
	void keysLiveOnTheirShardsPartitionKeyAndSpreadOverAll() {
		String table = LocalDynamo.freshTable();
		try (LevelDb db = open(table, "spread", 7, new RecordingListener())) {
			Batch bulk = db.bulk();
			for (int i = 0; i < 200; i++) {
				bulk.put(utf8("event-" + i), utf8("v" + i));
			}
			bulk.write();
			Set<ByteKey> seen = new HashSet<>();
			for (int shard = 0; shard < 7; shard++) {
				List<byte[]> keys = rawKeys(table, KeyLayout.partitionKey("spread", shard));
				assertThat(keys).as("shard %d", shard).isNotEmpty();
				for (byte[] key : keys) {
					assertThat(ShardHash.shardOf(key, 7)).isEqualTo(shard);
					seen.add(new ByteKey(key));
				}
			}
			assertThat(seen).hasSize(200);
			assertThat(rawKeys(table, "spread\u00007")).as("no eighth shard").isEmpty();
		}
	}

	@ParameterizedTest(name = "{0} shards")
	@ValueSource(ints = { 1, 7 })
	void pointOperationsAndBatchesCostTheSameSharded(int shards) {
		RecordingListener listener = new RecordingListener();
		try (LevelDb db = LocalDynamo.freshStore(listener).shards(shards).open()) {
			listener.reset();
			db.put(utf8("a"), utf8("1"));
			db.put(utf8("t"), utf8("1"), Duration.ofHours(1));
			assertThat(db.get(utf8("a"))).hasValue(utf8("1"));
			db.delete(utf8("t"));
			assertThat(db.putIfAbsent(utf8("b"), utf8("2"))).isEmpty();
			assertThat(db.replace(utf8("b"), utf8("2"), utf8("3"))).isTrue();
			assertThat(db.delete(utf8("b"), utf8("3"))).isTrue();
			assertThat(counts(listener)).containsExactly(Map.entry("PutItem", 2L), Map.entry("GetItem", 1L),
					Map.entry("DeleteItem", 1L), Map.entry("TransactWriteItems", 3L));
			listener.reset();
			Batch bulk = db.bulk();
			for (int i = 0; i < 260; i++) {
				bulk.put(utf8("k" + i), utf8("v" + i));
			}
			bulk.write();
			assertThat(listener.count("BatchWriteItem")).as("ceil(260 / 25)").isEqualTo(11);
			listener.reset();
			List<byte[]> wanted = new ArrayList<>();
			for (int i = 0; i < 250; i++) {
				wanted.add(utf8("k" + i));
			}
			assertThat(db.getMany(wanted)).allSatisfy((value) -> assertThat(value).isPresent());
			assertThat(listener.count("BatchGetItem")).as("ceil(250 / 100)").isEqualTo(3);
			listener.reset();
			Batch batch = db.batch();
			for (int i = 0; i < 100; i++) {
				batch.put(utf8("k" + i), utf8("w" + i));
			}
			batch.write();
			assertThat(counts(listener)).as("one transaction across shards")
				.containsExactly(Map.entry("TransactWriteItems", 1L));
			assertThat(db.get(utf8("k99"))).hasValue(utf8("w99"));
		}
	}

	@ParameterizedTest(name = "{0} shards")
	@ValueSource(ints = { 1, 7 })
	void rangeOperationsQueryEveryShardAndALimitAsksEachForAtMostIt(int shards) {
		List<QueryRequest> queries = new CopyOnWriteArrayList<>();
		Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
		ExecutionInterceptor recorder = new ExecutionInterceptor() {

			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				if (context.request() instanceof QueryRequest query) {
					queries.add(query);
					threads.add(Thread.currentThread().getName());
				}
			}

		};
		RecordingListener listener = new RecordingListener();
		try (DynamoDbClient client = LocalDynamo.server()
			.clientBuilder()
			.overrideConfiguration((c) -> c.addExecutionInterceptor(recorder))
			.build();
				LevelDb db = LevelDb.builder(client)
					.table(LocalDynamo.freshTable())
					.shards(shards)
					.listener(listener)
					.open()) {
			Batch bulk = db.bulk();
			for (int i = 0; i < 100; i++) {
				bulk.put(utf8(String.format("%03d", i)), utf8("v" + i));
			}
			bulk.write();
			queries.clear();
			assertThat(db.keys(Range.all().gte(utf8("050")).limit(10)).all()).extracting(Bytes::text)
				.containsExactly("050", "051", "052", "053", "054", "055", "056", "057", "058", "059");
			assertThat(queries).hasSize(shards).allSatisfy((query) -> assertThat(query.limit()).isEqualTo(10));
			queries.clear();
			threads.clear();
			assertThat(db.iterator(Range.all().reverse()).all()).hasSize(100).first().satisfies((entry) -> {
				assertThat(Bytes.text(entry.key())).isEqualTo("099");
			});
			assertThat(queries).as("a full scan: one query per shard").hasSize(shards);
			if (shards > 1) {
				assertThat(threads).as("shards read concurrently").hasSizeGreaterThan(1);
			}
			queries.clear();
			try (LevelIterator<byte[]> keys = db.keys(Range.all())) {
				keys.seek(utf8("095"));
				assertThat(keys.all()).hasSize(5);
			}
			assertThat(queries).as("a seek: one fresh query per shard").hasSize(shards);
			queries.clear();
			assertThat(db.approximateSize(Range.all())).isPositive();
			assertThat(queries).hasSize(shards);
			listener.reset();
			db.clear(Range.all().lt(utf8("030")));
			assertThat(listener.count("Query")).isEqualTo(shards);
			assertThat(db.keys(Range.all()).all()).hasSize(70);
			listener.reset();
			db.clear(Range.all().reverse().limit(5));
			assertThat(db.keys(Range.all()).all()).extracting(Bytes::text).hasSize(65).last().isEqualTo("094");
		}
	}

	@ParameterizedTest(name = "{0} shards")
	@ValueSource(ints = { 1, 7 })
	void recordsAreLeftOutOfRangesClearsSizesAndRepair(int shards) {
		byte[] checkpoint = ByteKeys.concat(new byte[] { 0x02 },
				"changes/checkpoint".getBytes(StandardCharsets.US_ASCII));
		String table = LocalDynamo.freshTable();
		try (LevelDb db = LevelDb.builder(LocalDynamo.client())
			.table(table)
			.hashKey("feed")
			.shards(shards)
			.clock(Clock.offset(Clock.systemUTC(), LevelDb.REPAIR_MIN_AGE.plusMinutes(1)))
			.open()) {
			LocalDynamo.client()
				.putItem((put) -> put.tableName(table)
					.item(Map.of("hkey", AttributeValue.fromS("feed"), "rkey",
							AttributeValue.fromB(SdkBytes.fromByteArray(checkpoint)), "value",
							AttributeValue.fromB(SdkBytes.fromByteArray(utf8("position"))))));
			db.put(Bytes.of(0xff, 0xff), utf8("last"));
			db.put(new byte[] { (byte) 0xff, (byte) 0xff, (byte) 0xff }, utf8("greatest"));
			assertThat(db.keys(Range.all()).all()).hasSize(2);
			assertThat(db.keys(Range.all().reverse().limit(1)).all()).containsExactly(Bytes.of(0xff, 0xff, 0xff));
			assertThat(db.repair()).isZero();
			db.clear(Range.all());
			assertThat(db.keys(Range.all()).all()).isEmpty();
			assertThat(db.approximateSize(Range.all())).isZero();
			assertThat(record(table, "feed", checkpoint)).isNotEmpty();
			assertThat(record(table, "feed", DESCRIPTOR)).isNotEmpty();
		}
	}

	@Test
	void largeValuesAreChunkedOnTheirKeysShardAndRepairedThere() {
		String table = LocalDynamo.freshTable();
		try (LevelDb db = LevelDb.builder(LocalDynamo.client())
			.table(table)
			.hashKey("big")
			.shards(7)
			.compression(Compression.none())
			.open();
				LevelDb later = LevelDb.builder(LocalDynamo.client())
					.table(table)
					.hashKey("big")
					.shards(7)
					.clock(Clock.offset(Clock.systemUTC(), LevelDb.REPAIR_MIN_AGE.plusMinutes(1)))
					.open()) {
			byte[] large = Bytes.filled(900_000, 7);
			List<byte[]> keys = List.of(utf8("a"), utf8("b"), utf8("c"), utf8("d"));
			for (byte[] key : keys) {
				db.put(key, large);
			}
			for (Map<String, AttributeValue> chunk : RawItems.chunks(db)) {
				byte[] owner = chunk.get("form").b().asByteArray();
				byte[] key = java.util.Arrays.copyOfRange(owner, 1, owner.length);
				assertThat(chunk.get("hkey").s()).isEqualTo(RawItems.partitionOf(db, key));
			}
			assertThat(RawItems.chunks(db)).hasSize(keys.size() * 3);
			assertThat(db.getMany(keys)).allSatisfy((value) -> assertThat(value).hasValue(large));
			assertThat(db.iterator(Range.all()).all()).hasSize(4);
			Batch bulk = db.bulk();
			keys.forEach((key) -> bulk.put(key, utf8("small")));
			bulk.write();
			assertThat(RawItems.chunks(db)).as("a bulk write leaves the replaced chunks").hasSize(12);
			assertThat(db.repair()).as("chunks younger than an hour may belong to a write in progress").isZero();
			assertThat(later.repair()).isEqualTo(12);
			assertThat(RawItems.chunks(db)).isEmpty();
			assertThat(db.get(utf8("c"))).hasValue(utf8("small"));
		}
	}

	@Test
	void sublevelsTypedViewsAndTheIq80AdapterWorkSharded() throws Exception {
		MutableClock clock = MutableClock.atRealNow();
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).shards(7).clock(clock).open()) {
			LevelDb users = db.sublevel("users");
			assertThat(users.shards()).isEqualTo(7);
			for (int i = 0; i < 30; i++) {
				users.put(utf8("u" + (char) ('a' + i % 26) + i), utf8("" + i));
			}
			db.put(utf8("zz"), utf8("root"));
			assertThat(users.keys(Range.all()).all()).hasSize(30).isSortedAccordingTo(Bytes.ORDER);
			assertThat(db.keys(Range.all()).all()).hasSize(31).last().isEqualTo(utf8("zz"));
			TypedLevelDb<String, String> typed = TypedLevelDb.of(users, Codec.utf8(), Codec.utf8());
			typed.put("typed", "yes");
			assertThat(typed.get("typed")).hasValue("yes");
			assertThat(typed.keys(typed.range().gte("u")).all()).hasSize(30);
			users.put(utf8("brief"), utf8("x"), Duration.ofSeconds(5));
			clock.advance(Duration.ofSeconds(5));
			assertThat(users.get(utf8("brief"))).isEmpty();
			assertThat(users.keys(Range.all().lt(utf8("c"))).all()).isEmpty();
			DB iq80 = Iq80Db.wrap(db);
			iq80.put(utf8("m"), utf8("middle"));
			try (DBIterator iterator = iq80.iterator()) {
				iterator.seek(utf8("m"));
				assertThat(iterator.next().getKey()).isEqualTo(utf8("m"));
				assertThat(iterator.next().getKey()).isEqualTo(utf8("zz"));
				assertThat(iterator.prev().getKey()).isEqualTo(utf8("zz"));
				assertThat(iterator.prev().getKey()).isEqualTo(utf8("m"));
			}
		}
	}

	@Test
	void aSubscriptionDeliversTheChangesOfEveryShard() {
		ChangeLog log = new ChangeLog();
		byte[] large = Bytes.filled(600_000, 3);
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener())
			.shards(7)
			.compression(Compression.none())
			.open();
				Subscription subscription = db.subscribe("app",
						SubscriptionOptions.DEFAULT.withPollInterval(Duration.ofMillis(20)), log)) {
			Set<Integer> shards = new HashSet<>();
			List<String> expected = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				db.put(utf8("k" + i), utf8("v" + i));
				shards.add(ShardHash.shardOf(utf8("k" + i), 7));
				expected.add("PUT k" + i + "=v" + i);
			}
			db.sublevel("s").put(utf8("inner"), utf8("x"));
			db.put(utf8("large"), large);
			db.delete(utf8("k0"));
			assertThat(shards).as("the keys written cover every shard").hasSize(7);
			List<Change> changes = log.await(23);
			assertThat(changes).extracting(ChangeLog::text)
				.containsAll(expected)
				.contains("PUT !s!inner=x", "DELETE k0");
			assertThat(changes).filteredOn((change) -> Bytes.text(change.key()).equals("large"))
				.singleElement()
				.satisfies((change) -> assertThat(change.value()).hasValueSatisfying(
						(value) -> assertThat(value).as("a chunked value read whole from its shard").isEqualTo(large)));
		}
	}

	private static LevelDb open(String table, String hashKey, int shards, RecordingListener listener) {
		return LevelDb.builder(LocalDynamo.client())
			.table(table)
			.hashKey(hashKey)
			.shards(shards)
			.listener(listener)
			.open();
	}

	private static Map<String, AttributeValue> record(String table, String hashKey, byte[] sortKey) {
		return LocalDynamo.client()
			.getItem((get) -> get.tableName(table)
				.consistentRead(true)
				.key(Map.of("hkey", AttributeValue.fromS(hashKey), "rkey",
						AttributeValue.fromB(SdkBytes.fromByteArray(sortKey)))))
			.item();
	}

	private static List<byte[]> rawKeys(String table, String partition) {
		QueryResponse response = LocalDynamo.client()
			.query((query) -> query.tableName(table)
				.consistentRead(true)
				.keyConditionExpression("hkey = :h AND rkey < :chunks")
				.expressionAttributeValues(Map.of(":h", AttributeValue.fromS(partition), ":chunks",
						AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 0x01 })))));
		List<byte[]> keys = new ArrayList<>();
		for (Map<String, AttributeValue> item : response.items()) {
			byte[] sortKey = item.get("rkey").b().asByteArray();
			keys.add(java.util.Arrays.copyOfRange(sortKey, 1, sortKey.length));
		}
		return keys;
	}

	private static Map<String, Long> counts(RecordingListener listener) {
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		listener.requests().forEach((event) -> counts.merge(event.operation(), 1L, Long::sum));
		return counts;
	}

}
