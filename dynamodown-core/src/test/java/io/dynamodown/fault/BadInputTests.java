package io.dynamodown.fault;

import io.dynamodown.Compression;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.dynamodown.Batch;
import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.LevelIterator;
import io.dynamodown.Range;
import io.dynamodown.changes.SubscriptionOptions;
import io.dynamodown.codec.Codec;
import io.dynamodown.codec.TypedLevelDb;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static io.dynamodown.support.Bytes.filled;
import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every limit of DESIGN.md §4 and every invalid argument is refused with its documented
 * code before any request: the proxy in front of the embedded server counts none.
 */
class BadInputTests {

	private static final int ITEM_LIMIT = 400 * 1024;

	private static FaultInjectingProxy proxy;

	private static DynamoDbClient client;

	private static String table;

	@BeforeAll
	static void start() {
		proxy = FaultInjectingProxy.start(FaultClients.upstream(), 1);
		client = FaultClients.client(proxy.endpoint(), 3);
		table = LocalDynamo.freshTable();
		FaultClients.store(client, table, new RecordingListener()).open().close();
	}

	@AfterAll
	static void stop() {
		client.close();
		proxy.close();
	}

	static Stream<Arguments> badInputs() {
		List<Arguments> cases = new ArrayList<>();
		// keys and values
		add(cases, "put null key", ErrorCode.INVALID_KEY, (db) -> db.put(null, utf8("v")));
		add(cases, "put null value", ErrorCode.INVALID_VALUE, (db) -> db.put(utf8("k"), null));
		add(cases, "get null key", ErrorCode.INVALID_KEY, (db) -> db.get(null));
		add(cases, "delete null key", ErrorCode.INVALID_KEY, (db) -> db.delete(null));
		add(cases, "getMany with a null key", ErrorCode.INVALID_KEY,
				(db) -> db.getMany(Arrays.asList(utf8("a"), null)));
		add(cases, "getMany of a null list", ErrorCode.INVALID_ARGUMENT, (db) -> db.getMany(null));
		add(cases, "iterator of a null range", ErrorCode.INVALID_ARGUMENT, (db) -> db.iterator(null));
		add(cases, "keys of a null range", ErrorCode.INVALID_ARGUMENT, (db) -> db.keys(null));
		add(cases, "clear of a null range", ErrorCode.INVALID_ARGUMENT, (db) -> db.clear(null));
		add(cases, "approximateSize of a null range", ErrorCode.INVALID_ARGUMENT, (db) -> db.approximateSize(null));
		add(cases, "put key of 1024 bytes", ErrorCode.INVALID_KEY, (db) -> db.put(filled(1024, 'k'), utf8("v")));
		add(cases, "get key of 1024 bytes", ErrorCode.INVALID_KEY, (db) -> db.get(filled(1024, 'k')));
		add(cases, "delete key of 1024 bytes", ErrorCode.INVALID_KEY, (db) -> db.delete(filled(1024, 'k')));
		add(cases, "getMany with a key of 1024 bytes", ErrorCode.INVALID_KEY,
				(db) -> db.getMany(List.of(utf8("a"), filled(1024, 'k'))));
		add(cases, "sublevel key over 1023 bytes with its prefix", ErrorCode.INVALID_KEY,
				(db) -> db.sublevel("s").put(filled(1021, 'k'), utf8("v")));
		add(cases, "nested sublevel key over 1023 bytes with its prefixes", ErrorCode.INVALID_KEY,
				(db) -> db.sublevel("s").sublevel("t").get(filled(1018, 'k')));
		add(cases, "value over maxValueSize", ErrorCode.INVALID_VALUE,
				(db) -> db.put(utf8("k"), filled(ITEM_LIMIT + 1, 'v')));
		add(cases, "value over maxValueSize in a conditional put", ErrorCode.INVALID_VALUE,
				(db) -> db.putIfAbsent(utf8("k"), filled(ITEM_LIMIT + 1, 'v')));
		add(cases, "value over maxValueSize in a batch", ErrorCode.INVALID_VALUE,
				(db) -> db.batch().put(utf8("k"), filled(ITEM_LIMIT + 1, 'v')));
		add(cases, "value over maxValueSize in a bulk write", ErrorCode.INVALID_VALUE,
				(db) -> db.bulk().put(utf8("k"), filled(ITEM_LIMIT + 1, 'v')));
		add(cases, "null key in a batch", ErrorCode.INVALID_KEY, (db) -> db.batch().put(null, utf8("v")));
		add(cases, "null value in a bulk write", ErrorCode.INVALID_VALUE, (db) -> db.bulk().put(utf8("k"), null));
		add(cases, "null key of a delete in a batch", ErrorCode.INVALID_KEY, (db) -> db.batch().delete(null));
		// atomic batch limits
		add(cases, "atomic batch of 101 keys", ErrorCode.BATCH_TOO_LARGE, (db) -> {
			Batch batch = db.batch();
			for (int i = 0; i < 101; i++) {
				batch.put(utf8("k" + i), utf8("v"));
			}
			batch.write();
		});
		add(cases, "atomic batch of 101 deletes", ErrorCode.BATCH_TOO_LARGE, (db) -> {
			Batch batch = db.batch();
			for (int i = 0; i < 101; i++) {
				batch.delete(utf8("k" + i));
			}
			batch.write();
		});
		add(cases, "atomic batch over 4 MB", ErrorCode.BATCH_TOO_LARGE, (db) -> {
			Batch batch = db.batch();
			for (int i = 0; i < 11; i++) {
				batch.put(utf8("k" + i), filled(390 * 1024, 'v'));
			}
			batch.write();
		});
		// table and hash key (refused at open)
		add(cases, "table name of 2 characters", ErrorCode.INVALID_ARGUMENT, (db) -> open("ab", "h"));
		add(cases, "table name of 256 characters", ErrorCode.INVALID_ARGUMENT, (db) -> open("t".repeat(256), "h"));
		add(cases, "table name with a space", ErrorCode.INVALID_ARGUMENT, (db) -> open("bad name", "h"));
		add(cases, "table name with '/'", ErrorCode.INVALID_ARGUMENT, (db) -> open("bad/name", "h"));
		add(cases, "null table name", ErrorCode.INVALID_ARGUMENT, (db) -> open(null, "h"));
		add(cases, "empty hash key", ErrorCode.INVALID_ARGUMENT, (db) -> open(table, ""));
		add(cases, "null hash key", ErrorCode.INVALID_ARGUMENT, (db) -> open(table, null));
		add(cases, "hash key of 2049 bytes", ErrorCode.INVALID_ARGUMENT, (db) -> open(table, "h".repeat(2049)));
		add(cases, "hash key of 2049 bytes of UTF-8 in 1025 characters", ErrorCode.INVALID_ARGUMENT,
				(db) -> open(table, "é".repeat(1024) + "h"));
		add(cases, "hash key with U+0000", ErrorCode.INVALID_ARGUMENT, (db) -> open(table, "users\u00001"));
		// shards
		add(cases, "0 shards", ErrorCode.INVALID_ARGUMENT, (db) -> open(table, "h", 0));
		add(cases, "-1 shards", ErrorCode.INVALID_ARGUMENT, (db) -> open(table, "h", -1));
		add(cases, "257 shards", ErrorCode.INVALID_ARGUMENT, (db) -> open(table, "h", 257));
		add(cases, "hash key of 2047 bytes with 7 shards", ErrorCode.INVALID_ARGUMENT,
				(db) -> open(table, "h".repeat(2047), 7));
		add(cases, "copyTo a null target", ErrorCode.INVALID_ARGUMENT, (db) -> db.copyTo(null));
		add(cases, "copyTo itself", ErrorCode.INVALID_ARGUMENT, (db) -> db.copyTo(db));
		add(cases, "copyTo a sublevel", ErrorCode.INVALID_ARGUMENT, (db) -> db.copyTo(db.sublevel("s")));
		add(cases, "copyTo from a sublevel", ErrorCode.INVALID_ARGUMENT, (db) -> db.sublevel("s").copyTo(db));
		// ranges, iterators, sublevels
		add(cases, "limit -2", ErrorCode.INVALID_ARGUMENT, (db) -> Range.all().limit(-2));
		add(cases, "null gte", ErrorCode.INVALID_KEY, (db) -> Range.all().gte((byte[]) null));
		add(cases, "null lt", ErrorCode.INVALID_KEY, (db) -> Range.all().lt((String) null));
		add(cases, "null seek target", ErrorCode.INVALID_KEY, (db) -> {
			try (LevelIterator<?> it = db.iterator(Range.all())) {
				it.seek(null);
			}
		});
		add(cases, "sublevel name with '!'", ErrorCode.INVALID_ARGUMENT, (db) -> db.sublevel("a!b"));
		add(cases, "empty sublevel name", ErrorCode.INVALID_ARGUMENT, (db) -> db.sublevel(""));
		add(cases, "null sublevel name", ErrorCode.INVALID_ARGUMENT, (db) -> db.sublevel(null));
		add(cases, "sublevel prefix over 1023 bytes", ErrorCode.INVALID_ARGUMENT,
				(db) -> db.sublevel("s".repeat(1022)));
		// any call after close
		add(cases, "get after close", ErrorCode.NOT_OPEN, closed((db) -> db.get(utf8("k"))));
		add(cases, "put after close", ErrorCode.NOT_OPEN, closed((db) -> db.put(utf8("k"), utf8("v"))));
		add(cases, "delete after close", ErrorCode.NOT_OPEN, closed((db) -> db.delete(utf8("k"))));
		add(cases, "getMany after close", ErrorCode.NOT_OPEN, closed((db) -> db.getMany(List.of(utf8("k")))));
		add(cases, "getMany of no keys after close", ErrorCode.NOT_OPEN, closed((db) -> db.getMany(List.of())));
		add(cases, "batch after close", ErrorCode.NOT_OPEN, closed(LevelDb::batch));
		add(cases, "bulk after close", ErrorCode.NOT_OPEN, closed(LevelDb::bulk));
		add(cases, "write of a batch made before close", ErrorCode.NOT_OPEN, (db) -> {
			Batch batch = db.batch().put(utf8("a"), utf8("1")).put(utf8("b"), utf8("2"));
			db.close();
			batch.write();
		});
		add(cases, "write of a bulk made before close", ErrorCode.NOT_OPEN, (db) -> {
			Batch bulk = db.bulk().put(utf8("a"), utf8("1"));
			db.close();
			bulk.write();
		});
		add(cases, "iterator after close", ErrorCode.NOT_OPEN, closed((db) -> db.iterator(Range.all())));
		add(cases, "keys after close", ErrorCode.NOT_OPEN, closed((db) -> db.keys(Range.all())));
		add(cases, "values after close", ErrorCode.NOT_OPEN, closed((db) -> db.values(Range.all())));
		add(cases, "clear after close", ErrorCode.NOT_OPEN, closed((db) -> db.clear(Range.all())));
		add(cases, "approximateSize after close", ErrorCode.NOT_OPEN, closed((db) -> db.approximateSize(Range.all())));
		add(cases, "sublevel after close", ErrorCode.NOT_OPEN, closed((db) -> db.sublevel("s")));
		add(cases, "copyTo after close", ErrorCode.NOT_OPEN, (db) -> {
			try (LevelDb target = FaultClients.store(client, table, new RecordingListener()).hashKey("target").open()) {
				proxy.resetCounts();
				db.close();
				db.copyTo(target);
			}
		});
		add(cases, "get on a sublevel of a closed store", ErrorCode.NOT_OPEN, (db) -> {
			LevelDb sub = db.sublevel("s");
			db.close();
			sub.get(utf8("k"));
		});
		add(cases, "get on a closed sublevel", ErrorCode.NOT_OPEN, (db) -> {
			LevelDb sub = db.sublevel("s");
			sub.close();
			sub.get(utf8("k"));
		});
		add(cases, "iterator page after close", ErrorCode.NOT_OPEN, (db) -> {
			LevelIterator<?> it = db.iterator(Range.all());
			db.close();
			it.hasNext();
		});
		// the change feed
		add(cases, "subscribe with an empty consumer name", ErrorCode.INVALID_ARGUMENT,
				(db) -> db.subscribe("", (change) -> {
				}));
		add(cases, "subscribe with a null consumer name", ErrorCode.INVALID_ARGUMENT,
				(db) -> db.subscribe(null, (change) -> {
				}));
		add(cases, "subscribe with a consumer name of 129 characters", ErrorCode.INVALID_ARGUMENT,
				(db) -> db.subscribe("c".repeat(129), (change) -> {
				}));
		add(cases, "subscribe with a consumer name holding '/'", ErrorCode.INVALID_ARGUMENT,
				(db) -> db.subscribe("a/b", (change) -> {
				}));
		add(cases, "subscribe with a null handler", ErrorCode.INVALID_ARGUMENT, (db) -> db.subscribe("app", null));
		add(cases, "subscribe with null options", ErrorCode.INVALID_ARGUMENT,
				(db) -> db.subscribe("app", null, (change) -> {
				}));
		add(cases, "subscribe with a batch size of 1001", ErrorCode.INVALID_ARGUMENT,
				(db) -> db.subscribe("app", SubscriptionOptions.DEFAULT.withBatchSize(1001), (change) -> {
				}));
		add(cases, "subscribe with a poll interval of zero", ErrorCode.INVALID_ARGUMENT,
				(db) -> db.subscribe("app", SubscriptionOptions.DEFAULT.withPollInterval(Duration.ZERO), (change) -> {
				}));
		add(cases, "subscribe after close", ErrorCode.NOT_OPEN, closed((db) -> db.subscribe("app", (change) -> {
		})));
		add(cases, "subscribe on a sublevel of a closed store", ErrorCode.NOT_OPEN, (db) -> {
			LevelDb sub = db.sublevel("s");
			db.close();
			sub.subscribe("app", (change) -> {
			});
		});
		add(cases, "typed put after close", ErrorCode.NOT_OPEN,
				closed((db) -> TypedLevelDb.of(db, Codec.utf8(), Codec.utf8()).put("k", "v")));
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("badInputs")
	void isRefusedWithItsCodeBeforeAnyRequest(String name, ErrorCode expected, Consumer<LevelDb> action) {
		LevelDb db = FaultClients.store(client, table, new RecordingListener())
			.compression(Compression.none())
			.maxValueSize(ITEM_LIMIT)
			.open();
		try {
			proxy.resetCounts();
			Throwable thrown = catchThrowable(() -> action.accept(db));
			assertThat(thrown).as(name).isInstanceOf(LevelDbException.class);
			assertThat(((LevelDbException) thrown).code()).as(name).isEqualTo(expected);
			assertThat(thrown.getMessage()).as(name).isNotBlank();
			assertThat(proxy.totalRequests()).as("requests for %s: %s", name, proxy.requestsByOperation()).isZero();
		}
		finally {
			db.close();
		}
	}

	private static void add(List<Arguments> cases, String name, ErrorCode code, Consumer<LevelDb> action) {
		cases.add(Arguments.of(name, code, action));
	}

	private static Consumer<LevelDb> closed(Consumer<LevelDb> action) {
		return (db) -> {
			db.close();
			action.accept(db);
		};
	}

	private static void open(String table, String hashKey) {
		LevelDb.builder(client).table(table).hashKey(hashKey).open().close();
	}

	private static void open(String table, String hashKey, int shards) {
		LevelDb.builder(client).table(table).hashKey(hashKey).shards(shards).open().close();
	}

}
