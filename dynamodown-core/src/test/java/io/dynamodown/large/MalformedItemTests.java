package io.dynamodown.large;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.Range;
import io.dynamodown.metrics.MalformedItemEvent;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RawItems;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Items written by something other than the store: a read fails naming the key and the
 * attribute, a write over one replaces it, maintenance skips and reports it and does the
 * rest; the chunks another key owns are never read as this key's value nor deleted with
 * it; concurrent reads of large values share the store's read budget.
 */
class MalformedItemTests {

	private final List<MalformedItemEvent> malformed = new CopyOnWriteArrayList<>();

	private final List<RequestEvent> requests = new CopyOnWriteArrayList<>();

	private final RequestListener listener = new RequestListener() {

		@Override
		public void onRequest(RequestEvent event) {
			MalformedItemTests.this.requests.add(event);
		}

		@Override
		public void onMalformedItem(MalformedItemEvent event) {
			MalformedItemTests.this.malformed.add(event);
		}

	};

	@Test
	void aManifestCopiedFromAnotherKeyIsCorruptAndItsDeleteLeavesTheOtherKeysChunks() {
		try (LevelDb db = open()) {
			byte[] value = LargeValueTests.random(600_000, 1);
			db.put(utf8("A"), value);
			putRaw(db, Map.of("rkey", sortKey("B"), "form", RawItems.item(db, utf8("A")).orElseThrow().get("form")));
			this.requests.clear();
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.get(utf8("B")))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CORRUPT_ITEM))
				.withMessageContaining("key 42 ")
				.withMessageContaining("'form'")
				.withMessageContaining("belong to another key");
			assertThat(this.requests).as("the item and its chunks").hasSize(2);
			db.delete(utf8("B"));
			assertThat(this.malformed).singleElement()
				.satisfies((event) -> assertThat(event.key()).isEqualTo("42"))
				.satisfies((event) -> assertThat(event.operation()).isEqualTo("delete"));
			assertThat(db.get(utf8("A"))).hasValueSatisfying((read) -> assertThat(read).isEqualTo(value));
			assertThat(db.get(utf8("B"))).isEmpty();
		}
	}

	@Test
	void aBadManifestCostsOneRequestAndNamesKeyAndAttribute() {
		try (LevelDb db = open()) {
			putRaw(db, Map.of("rkey", sortKey("many"), "form", manifest(100_000, 10)));
			putRaw(db, Map.of("rkey", sortKey("long"), "form", manifest(1, 1L << 31)));
			this.requests.clear();
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.get(utf8("many")))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CORRUPT_ITEM))
				.withMessageContaining("6d616e79")
				.withMessageContaining("100000 chunks for 10 stored bytes");
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.get(utf8("long")))
				.withMessageContaining("stored length of 2147483648 bytes");
			assertThat(this.requests).hasSize(2);
		}
	}

	@Test
	void maintenanceSkipsAndReportsWhatItCannotReadAndDoesTheRest() {
		try (LevelDb db = open()) {
			byte[] generation = ByteBuffer.allocate(16).putLong(1000L).putLong(7).array();
			byte[] owner = new byte[1101];
			owner[0] = 0x40;
			java.util.Arrays.fill(owner, 1, owner.length, (byte) 'x');
			putRaw(db, Map.of("rkey", chunkKey(generation, 0), "value", binary(utf8("junk")), "form", binary(owner)));
			byte[] orphanOwner = { 0x40, 'g', 'o', 'n', 'e' };
			putRaw(db, Map.of("rkey", chunkKey(ByteBuffer.allocate(16).putLong(1001L).putLong(8).array(), 0), "value",
					binary(utf8("orphan")), "form", binary(orphanOwner)));
			assertThat(db.repair()).as("the real orphan is removed").isEqualTo(1);
			assertThat(this.malformed).singleElement()
				.satisfies((event) -> assertThat(event.operation()).isEqualTo("repair"));
			this.malformed.clear();
			putRaw(db, Map.of("rkey", sortKey("m3"), "form", binary(new byte[] { (byte) 0x80, 0, 0 })));
			db.put(utf8("m4"), utf8("fine"));
			assertThat(db.approximateSize(Range.all())).isPositive();
			db.clear(Range.all());
			assertThat(db.keys(Range.all()).all()).isEmpty();
			assertThat(this.malformed).extracting(MalformedItemEvent::operation)
				.containsExactly("approximateSize", "clear");
			assertThat(this.malformed).allSatisfy((event) -> assertThat(event.key()).isEqualTo("6d33"));
		}
	}

	@Test
	void aPutOrDeleteOverAnItemItCannotReadReplacesItWithoutThrowing() {
		try (LevelDb db = open()) {
			putRaw(db, Map.of("rkey", sortKey("m"), "form", binary(new byte[] { (byte) 0x80, 0, 0 })));
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.get(utf8("m")))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CORRUPT_ITEM));
			db.put(utf8("m"), utf8("new"));
			assertThat(db.get(utf8("m"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("new")));
			putRaw(db, Map.of("rkey", sortKey("m"), "form", binary(new byte[] { (byte) 0x80, 0, 0 })));
			db.batch().put(utf8("m"), utf8("batched")).put(utf8("n"), utf8("other")).write();
			assertThat(db.get(utf8("m"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("batched")));
			putRaw(db, Map.of("rkey", sortKey("m"), "value", AttributeValue.fromS("text")));
			db.delete(utf8("m"));
			assertThat(db.get(utf8("m"))).isEmpty();
		}
	}

	@Test
	void valuesOfTheWrongTypeAreCorruptNeverEmpty() {
		try (LevelDb db = open()) {
			putRaw(db, Map.of("rkey", sortKey("s"), "value", AttributeValue.fromS("hello")));
			putRaw(db, Map.of("rkey", sortKey("n"), "value", AttributeValue.fromN("1")));
			putRaw(db, Map.of("rkey", sortKey("f"), "value", binary(utf8("deflated?")), "form",
					AttributeValue.fromS("\u0001")));
			for (String key : List.of("s", "n", "f")) {
				assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.get(utf8(key)))
					.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CORRUPT_ITEM))
					.withMessageContaining(key.equals("f") ? "'form' is of type S" : "'value' is of type")
					.withMessageContaining(String.format("%02x", (int) key.charAt(0)));
			}
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.iterator(Range.all()).all())
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CORRUPT_ITEM));
		}
	}

	@Test
	void anExpiryThatIsNotANumberIsNoExpiryAndAFractionExpiresAfterItEverywhere() {
		try (LevelDb db = open()) {
			putRaw(db, Map.of("rkey", sortKey("string"), "value", binary(utf8("s")), "ttl", AttributeValue.fromS("1")));
			putRaw(db, Map.of("rkey", sortKey("past"), "value", binary(utf8("p")), "ttl", AttributeValue.fromN("1.5")));
			long future = System.currentTimeMillis() / 1000 + 3600;
			putRaw(db, Map.of("rkey", sortKey("future"), "value", binary(utf8("f")), "ttl",
					AttributeValue.fromN(future + ".5")));
			assertThat(db.get(utf8("string"))).isPresent();
			assertThat(db.get(utf8("past"))).isEmpty();
			assertThat(db.get(utf8("future"))).isPresent();
			assertThat(db.getMany(List.of(utf8("string"), utf8("past"), utf8("future"))))
				.extracting(Optional::isPresent)
				.containsExactly(true, false, true);
			assertThat(db.keys(Range.all()).all()).containsExactly(utf8("future"), utf8("string"));
			assertThat(db.putIfAbsent(utf8("string"), utf8("x"))).as("present, so not written").isPresent();
			assertThat(db.putIfAbsent(utf8("past"), utf8("x"))).as("expired, so written").isEmpty();
			assertThat(db.replace(utf8("string"), utf8("s"), utf8("t"))).isTrue();
		}
	}

	@Test
	void concurrentReadsOfLargeValuesShareTheReadBudget() throws Exception {
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		ExecutionInterceptor counter = new ExecutionInterceptor() {

			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				if (context.request() instanceof BatchGetItemRequest) {
					most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				}
			}

			@Override
			public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
				if (context.request() instanceof BatchGetItemRequest) {
					inFlight.decrementAndGet();
				}
			}

		};
		try (DynamoDbClient client = LocalDynamo.server()
			.clientBuilder()
			.overrideConfiguration((c) -> c.addExecutionInterceptor(counter))
			.build();
				LevelDb db = LevelDb.builder(client)
					.table(LocalDynamo.freshTable())
					.readBudget(2 * 1024 * 1024)
					.listener(this.listener)
					.open()) {
			byte[] value = LargeValueTests.random(2 * 1024 * 1024, 5);
			db.put(utf8("big"), value);
			ExecutorService threads = Executors.newFixedThreadPool(8);
			try {
				List<Future<Optional<byte[]>>> reads = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					reads.add(threads.submit(() -> db.get(utf8("big"))));
				}
				for (Future<Optional<byte[]>> read : reads) {
					assertThat(read.get()).hasValueSatisfying((v) -> assertThat(v).isEqualTo(value));
				}
			}
			finally {
				threads.shutdown();
			}
			assertThat(most.get()).as("one 2 MiB value (6 chunks, one request) read at a time").isEqualTo(1);
		}
	}

	private LevelDb open() {
		return LevelDb.builder(LocalDynamo.client()).table(LocalDynamo.freshTable()).listener(this.listener).open();
	}

	private static void putRaw(LevelDb db, Map<String, AttributeValue> item) {
		Map<String, AttributeValue> full = new HashMap<>(item);
		full.put("hkey", AttributeValue.fromS(db.hashKey()));
		LocalDynamo.client().putItem((put) -> put.tableName(db.table()).item(full));
	}

	private static AttributeValue sortKey(String key) {
		byte[] bytes = utf8(key);
		byte[] sortKey = new byte[bytes.length + 1];
		System.arraycopy(bytes, 0, sortKey, 1, bytes.length);
		return binary(sortKey);
	}

	private static AttributeValue chunkKey(byte[] generation, int index) {
		return binary(ByteBuffer.allocate(21).put((byte) 1).put(generation).putInt(index).array());
	}

	private static AttributeValue manifest(int chunks, long length) {
		return binary(ByteBuffer.allocate(34)
			.put((byte) 0x80)
			.put((byte) 0)
			.put(new byte[16])
			.putInt(chunks)
			.putLong(length)
			.putInt(0)
			.array());
	}

	private static AttributeValue binary(byte[] bytes) {
		return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
	}

}
