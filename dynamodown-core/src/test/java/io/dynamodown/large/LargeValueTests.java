package io.dynamodown.large;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.dynamodown.Batch;
import io.dynamodown.Entry;
import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.Range;
import io.dynamodown.codec.Codec;
import io.dynamodown.codec.TypedLevelDb;
import io.dynamodown.iq80.Iq80Db;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.MutableClock;
import io.dynamodown.support.RawItems;
import io.dynamodown.support.RecordingListener;
import org.iq80.leveldb.DB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Values too large for one DynamoDB item are stored in chunk items and read back whole
 * through every read and write form; a replaced or deleted large value leaves no chunk
 * behind (counted by a raw query of the chunk space). Values are random, so they do not
 * compress and their chunk counts follow from their length.
 */
class LargeValueTests {

	/**
	 * Stored bytes per chunk under the default attribute names, short keys, no expiry.
	 */
	private static final int ABOUT_A_CHUNK = 409_000;

	private final RecordingListener listener = new RecordingListener();

	private final MutableClock clock = MutableClock.atRealNow();

	private LevelDb db;

	@BeforeEach
	void open() {
		this.db = LocalDynamo.freshStore(this.listener).clock(this.clock).open();
		this.listener.reset();
	}

	@AfterEach
	void close() {
		this.db.close();
	}

	@Test
	void tenMegabyteValueRoundTripsInTheFewestRequests() {
		byte[] value = random(10 * 1024 * 1024, 1);
		this.db.put(utf8("big"), value);
		int chunks = RawItems.chunkCount(this.db);
		assertThat(chunks).isEqualTo(26);
		assertThat(this.listener.count("BatchWriteItem")).as("26 chunks in writes of 25").isEqualTo(2);
		assertThat(this.listener.count("PutItem")).as("the commit").isEqualTo(1);
		assertThat(this.listener.total()).isEqualTo(3);
		this.listener.reset();
		assertThat(this.db.get(utf8("big"))).hasValueSatisfying((read) -> assertThat(read).isEqualTo(value));
		assertThat(this.listener.count("GetItem")).isEqualTo(1);
		assertThat(this.listener.count("BatchGetItem")).as("26 chunks in reads of 10").isEqualTo(3);
		assertThat(this.listener.total()).isEqualTo(4);
	}

	@Test
	void overwriteLargeSmallLargeKeepsOnlyTheCurrentChunks() {
		byte[] first = random(1024 * 1024, 2);
		byte[] second = random(3 * 1024 * 1024, 3);
		this.db.put(utf8("k"), first);
		assertThat(RawItems.chunkCount(this.db)).isEqualTo(3);
		this.listener.reset();
		this.db.put(utf8("k"), utf8("small"));
		assertThat(this.listener.count("PutItem")).isEqualTo(1);
		assertThat(this.listener.count("BatchWriteItem")).as("removal of the replaced chunks").isEqualTo(1);
		assertThat(RawItems.chunkCount(this.db)).isZero();
		assertThat(this.db.get(utf8("k"))).hasValueSatisfying((read) -> assertThat(read).isEqualTo(utf8("small")));
		this.db.put(utf8("k"), first);
		this.listener.reset();
		this.db.put(utf8("k"), second);
		assertThat(this.listener.count("BatchWriteItem")).as("8 new chunks, then 3 old ones removed").isEqualTo(2);
		assertThat(this.listener.count("PutItem")).isEqualTo(1);
		assertThat(RawItems.chunkCount(this.db)).isEqualTo(8);
		assertThat(this.db.get(utf8("k"))).hasValueSatisfying((read) -> assertThat(read).isEqualTo(second));
	}

	@Test
	void deleteAndClearLeaveNoChunkBehind() {
		LevelDb sub = this.db.sublevel("files");
		this.db.put(utf8("a"), random(500_000, 4));
		sub.put(utf8("b"), random(900_000, 5));
		sub.put(utf8("c"), utf8("small"));
		this.db.put(utf8("z"), random(700_000, 6));
		assertThat(RawItems.chunkCount(this.db)).isEqualTo(2 + 3 + 2);
		this.listener.reset();
		this.db.delete(utf8("a"));
		assertThat(this.listener.count("DeleteItem")).isEqualTo(1);
		assertThat(this.listener.count("BatchWriteItem")).isEqualTo(1);
		assertThat(RawItems.chunkCount(this.db)).isEqualTo(5);
		sub.clear(Range.all());
		assertThat(RawItems.chunkCount(this.db)).isEqualTo(2);
		assertThat(sub.keys(Range.all()).all()).isEmpty();
		this.db.clear(Range.all());
		assertThat(RawItems.chunkCount(this.db)).isZero();
		assertThat(this.db.keys(Range.all()).all()).isEmpty();
	}

	@Test
	void iteratorsAndManyKeyReadsReturnWholeValuesInKeyOrder() {
		byte[] b = random(600_000, 7);
		byte[] d = random(1_300_000, 8);
		this.db.put(utf8("a"), utf8("1"));
		this.db.put(utf8("b"), b);
		this.db.put(utf8("c"), utf8("3"));
		this.db.put(utf8("d"), d);
		List<Entry> forward = this.db.iterator(Range.all()).all();
		assertThat(forward).extracting((entry) -> new String(entry.key())).containsExactly("a", "b", "c", "d");
		assertThat(forward.get(1).value()).isEqualTo(b);
		assertThat(forward.get(3).value()).isEqualTo(d);
		List<byte[]> reverse = this.db.values(Range.all().reverse()).all();
		assertThat(reverse.get(0)).isEqualTo(d);
		assertThat(reverse.get(2)).isEqualTo(b);
		assertThat(this.db.keys(Range.all()).all()).hasSize(4);
		List<Optional<byte[]>> many = this.db.getMany(List.of(utf8("d"), utf8("x"), utf8("b"), utf8("d")));
		assertThat(many.get(0)).hasValueSatisfying((v) -> assertThat(v).isEqualTo(d));
		assertThat(many.get(1)).isEmpty();
		assertThat(many.get(2)).hasValueSatisfying((v) -> assertThat(v).isEqualTo(b));
		assertThat(many.get(3)).hasValueSatisfying((v) -> assertThat(v).isEqualTo(d));
		many.get(0).get()[0]++;
		assertThat(many.get(3).get()).as("a repeated key gets its own copy").isEqualTo(d);
	}

	@Test
	void sublevelsTypedViewsAndTheIq80AdapterHandleLargeValues() throws Exception {
		String text = "x".repeat(10) + new String(random(300_000, 9), java.nio.charset.StandardCharsets.ISO_8859_1);
		TypedLevelDb<String, String> typed = TypedLevelDb.of(this.db.sublevel("docs"), Codec.utf8(), Codec.utf8());
		typed.put("doc", text);
		assertThat(typed.get("doc")).hasValue(text);
		byte[] value = random(800_000, 10);
		DB iq80 = Iq80Db.wrap(this.db);
		iq80.put(utf8("iq"), value);
		assertThat(iq80.get(utf8("iq"))).isEqualTo(value);
		iq80.delete(utf8("iq"));
		assertThat(iq80.get(utf8("iq"))).isNull();
		typed.delete("doc");
		assertThat(RawItems.chunkCount(this.db)).isZero();
	}

	@Test
	void atomicBatchWithLargeValuesIsAllOrNothing() {
		byte[] big = random(1_000_000, 11);
		this.db.put(utf8("taken"), utf8("already"));
		this.listener.reset();
		Batch batch = this.db.batch().put(utf8("big"), big).put(utf8("small"), utf8("s"));
		batch.write();
		assertThat(this.listener.count("BatchWriteItem")).as("the chunks first").isEqualTo(1);
		assertThat(this.listener.count("TransactWriteItems")).as("then the commit").isEqualTo(1);
		assertThat(this.db.get(utf8("big"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(big));
		int chunks = RawItems.chunkCount(this.db);
		assertThatExceptionOfType(LevelDbException.class)
			.isThrownBy(() -> this.db.batch()
				.put(utf8("other"), random(2_000_000, 12))
				.putIfAbsent(utf8("taken"), utf8("mine"))
				.write())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CONDITION_FAILED));
		assertThat(this.db.get(utf8("other"))).isEmpty();
		assertThat(RawItems.chunkCount(this.db)).as("the failed batch's chunks removed").isEqualTo(chunks);
	}

	@Test
	void atomicBatchReplacingOrDeletingLargeValuesRemovesTheirChunks() {
		this.db.put(utf8("a"), random(1_000_000, 21));
		this.db.put(utf8("b"), random(1_000_000, 22));
		assertThat(RawItems.chunkCount(this.db)).isEqualTo(6);
		this.listener.reset();
		this.db.batch().put(utf8("a"), utf8("small")).delete(utf8("b")).put(utf8("c"), utf8("new")).write();
		assertThat(this.listener.count("TransactWriteItems"))
			.as("sent on 'no chunks replaced', then again replacing the two chunked values")
			.isEqualTo(2);
		assertThat(this.listener.count("BatchWriteItem")).as("their chunks removed").isEqualTo(1);
		assertThat(RawItems.chunkCount(this.db)).isZero();
		assertThat(this.db.get(utf8("a"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("small")));
		assertThat(this.db.get(utf8("b"))).isEmpty();
		this.listener.reset();
		this.db.batch().put(utf8("a"), utf8("again")).put(utf8("c"), utf8("again")).write();
		assertThat(this.listener.total()).as("no chunked value replaced: one request").isEqualTo(1);
	}

	@Test
	void bulkWritesLargeValues() {
		byte[] one = random(450_000, 13);
		byte[] two = random(1_700_000, 14);
		this.db.bulk().put(utf8("one"), one).put(utf8("two"), two).put(utf8("three"), utf8("3")).write();
		assertThat(this.db.get(utf8("one"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(one));
		assertThat(this.db.get(utf8("two"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(two));
		assertThat(this.db.get(utf8("three"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("3")));
		assertThat(RawItems.chunkCount(this.db)).isEqualTo(2 + 5);
	}

	@Test
	void expiryAppliesToTheWholeValueAndItsChunks() {
		byte[] value = random(900_000, 15);
		this.db.put(utf8("k"), value, Duration.ofHours(1));
		assertThat(this.db.get(utf8("k"))).isPresent();
		assertThat(RawItems.chunks(this.db)).as("every chunk carries the key's expiry, for DynamoDB's TTL")
			.hasSize(3)
			.allSatisfy((chunk) -> assertThat(chunk).containsKey("ttl"));
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.db.get(utf8("k"))).isEmpty();
		assertThat(this.db.iterator(Range.all()).all()).isEmpty();
		assertThat(this.db.putIfAbsent(utf8("k"), utf8("new"))).isEmpty();
	}

	@Test
	void conditionalWritesCompareWholeLargeValues() {
		byte[] first = random(700_000, 16);
		byte[] second = random(1_200_000, 17);
		assertThat(this.db.putIfAbsent(utf8("k"), first)).isEmpty();
		assertThat(this.db.putIfAbsent(utf8("k"), utf8("other")))
			.hasValueSatisfying((current) -> assertThat(current).isEqualTo(first));
		assertThat(this.db.replace(utf8("k"), second, utf8("x"))).isFalse();
		assertThat(this.db.replace(utf8("k"), first, second)).isTrue();
		assertThat(this.db.get(utf8("k"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(second));
		assertThat(RawItems.chunkCount(this.db)).as("only the current value's chunks").isEqualTo(3);
		assertThat(this.db.delete(utf8("k"), first)).isFalse();
		assertThat(this.db.delete(utf8("k"), second)).isTrue();
		assertThat(this.db.get(utf8("k"))).isEmpty();
		assertThat(RawItems.chunkCount(this.db)).isZero();
	}

	@Test
	void aValueAboveTheLargestIsRefusedBeforeAnyRequest() {
		try (LevelDb small = LocalDynamo.freshStore(this.listener).maxValueSize(1_000_000).open()) {
			this.listener.reset();
			assertThatExceptionOfType(LevelDbException.class)
				.isThrownBy(() -> small.put(utf8("k"), random(1_000_001, 18)))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_VALUE))
				.withMessageContaining("maxValueSize")
				.withMessageContaining("1000000")
				.withMessageContaining("1000001");
			assertThat(this.listener.total()).isZero();
			byte[] compressible = "{\"name\":\"spring.datasource.url\",\"type\":\"java.lang.String\"}".repeat(40_000)
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			assertThatExceptionOfType(LevelDbException.class).as("the limit counts bytes before compression too")
				.isThrownBy(() -> small.put(utf8("json"), compressible))
				.withMessageContaining("before and after compression");
			byte[] fits = java.util.Arrays.copyOf(compressible, 1_000_000);
			small.put(utf8("json"), fits);
			assertThat(small.get(utf8("json"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(fits));
		}
	}

	@Test
	void approximateSizeCountsTheChunkedBytes() {
		this.db.put(utf8("a"), random(2_000_000, 19));
		this.db.put(utf8("b"), utf8("small"));
		assertThat(this.db.approximateSize(Range.all())).isBetween(2_000_000L, 2_100_000L);
	}

	@Test
	void repairKeepsTheChunksOfLiveValues() {
		this.db.put(utf8("k"), random(1_000_000, 20));
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.db.repair()).isZero();
		assertThat(RawItems.chunkCount(this.db)).isEqualTo(3);
		assertThat(this.db.get(utf8("k"))).isPresent();
	}

	static byte[] random(int length, long seed) {
		byte[] bytes = new byte[length];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

}
