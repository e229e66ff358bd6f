package io.dynamodown;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dynamodown.codec.Codec;
import io.dynamodown.codec.TypedLevelDb;
import io.dynamodown.iq80.Iq80Db;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.MutableClock;
import io.dynamodown.support.RecordingListener;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key put with a time to live is present up to the second before its expiry and absent
 * from that second on, by the store's clock, for every read; DynamoDB has not deleted it
 * (its TTL job follows the real clock, an hour behind the test's).
 */
class ExpiryTests {

	private static final Duration TTL = Duration.ofHours(1);

	private static final Duration JUST_BEFORE = TTL.minusMillis(1);

	private final RecordingListener listener = new RecordingListener();

	private final MutableClock clock = MutableClock.atRealNow();

	private LevelDb db;

	@BeforeEach
	void open() {
		this.db = LocalDynamo.freshStore(this.listener).clock(this.clock).open();
		this.db.put(utf8("a"), utf8("1"));
		this.db.put(utf8("b"), utf8("2"), TTL);
		this.db.put(utf8("c"), utf8("3"));
		this.listener.reset();
	}

	@AfterEach
	void close() {
		this.db.close();
	}

	@Test
	void getSeesTheKeyUntilTheSecondOfExpiryWithOneRequestEach() {
		this.clock.advance(JUST_BEFORE);
		assertThat(this.db.get(utf8("b"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("2")));
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.db.get(utf8("b"))).isEmpty();
		assertThat(this.listener.count("GetItem")).isEqualTo(2);
		assertThat(this.listener.total()).isEqualTo(2);
		assertThat(rawItem("b")).as("expired, not deleted").isPresent();
	}

	@Test
	void getManyLeavesExpiredKeysOut() {
		this.clock.advance(JUST_BEFORE);
		assertThat(this.db.getMany(List.of(utf8("a"), utf8("b")))).extracting(Optional::isPresent)
			.containsExactly(true, true);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.db.getMany(List.of(utf8("a"), utf8("b"), utf8("b")))).extracting(Optional::isPresent)
			.containsExactly(true, false, false);
	}

	@Test
	void iteratorsForwardAndReverseLeaveExpiredKeysOut() {
		this.clock.advance(JUST_BEFORE);
		assertThat(strings(this.db.keys(Range.all()).all())).containsExactly("a", "b", "c");
		this.clock.advance(Duration.ofMillis(1));
		assertThat(strings(this.db.keys(Range.all()).all())).containsExactly("a", "c");
		assertThat(strings(this.db.keys(Range.all().reverse()).all())).containsExactly("c", "a");
		assertThat(this.db.iterator(Range.all().reverse()).all()).extracting((e) -> new String(e.value()))
			.containsExactly("3", "1");
		assertThat(strings(this.db.values(Range.all()).all())).containsExactly("1", "3");
		assertThat(this.db.stream(Range.all().gte("b"))).extracting((e) -> new String(e.key())).containsExactly("c");
	}

	@Test
	void seekSkipsExpiredKeys() {
		this.clock.advance(TTL);
		try (LevelIterator<byte[]> forward = this.db.keys(Range.all())) {
			forward.seek(utf8("b"));
			assertThat(new String(forward.next())).isEqualTo("c");
		}
		try (LevelIterator<byte[]> reverse = this.db.keys(Range.all().reverse())) {
			reverse.seek(utf8("b"));
			assertThat(new String(reverse.next())).isEqualTo("a");
		}
	}

	@Test
	void typedViewsSeeExpiryToo() {
		TypedLevelDb<String, String> typed = TypedLevelDb.of(this.db, Codec.utf8(), Codec.utf8());
		typed.put("t", "x", TTL);
		typed.batch().put("u", "y", TTL).write();
		this.clock.advance(JUST_BEFORE);
		assertThat(typed.get("t")).contains("x");
		assertThat(typed.putIfAbsent("t", "z")).contains("x");
		assertThat(typed.replace("u", "y", "y2", TTL)).isTrue();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(typed.get("t")).isEmpty();
		assertThat(typed.get("u")).contains("y2");
		assertThat(typed.keys(typed.range()).all()).containsExactly("a", "c", "u");
		assertThat(typed.putIfAbsent("t", "z")).isEmpty();
		assertThat(typed.delete("t", "z")).isTrue();
		assertThat(typed.getMany(List.of("t", "u"))).containsExactly(Optional.empty(), Optional.of("y2"));
	}

	@Test
	void sublevelsSeeExpiryToo() {
		LevelDb sub = this.db.sublevel("s");
		sub.put(utf8("x"), utf8("1"), TTL);
		sub.put(utf8("y"), utf8("2"));
		this.clock.advance(JUST_BEFORE);
		assertThat(strings(sub.keys(Range.all()).all())).containsExactly("x", "y");
		this.clock.advance(Duration.ofMillis(1));
		assertThat(sub.get(utf8("x"))).isEmpty();
		assertThat(strings(sub.keys(Range.all().reverse()).all())).containsExactly("y");
		assertThat(strings(this.db.keys(Range.all()).all())).containsExactly("!s!y", "a", "c");
	}

	@Test
	void theIq80AdapterSeesExpiryToo() throws Exception {
		DB iq80 = Iq80Db.wrap(this.db);
		this.clock.advance(JUST_BEFORE);
		assertThat(iq80.get(utf8("b"))).isEqualTo(utf8("2"));
		this.clock.advance(Duration.ofMillis(1));
		assertThat(iq80.get(utf8("b"))).isNull();
		try (DBIterator iterator = iq80.iterator()) {
			iterator.seek(utf8("b"));
			Map.Entry<byte[], byte[]> entry = iterator.next();
			assertThat(new String(entry.getKey())).isEqualTo("c");
			assertThat(new String(iterator.prev().getKey())).isEqualTo("c");
			assertThat(new String(iterator.prev().getKey())).isEqualTo("a");
		}
	}

	@Test
	void clearDeletesExpiredKeysToo() {
		this.clock.advance(TTL);
		this.db.clear(Range.all());
		assertThat(rawItem("a")).isEmpty();
		assertThat(rawItem("b")).as("the expired key, deleted by clear").isEmpty();
		assertThat(rawItem("c")).isEmpty();
	}

	@Test
	void aLimitedReadOverExpiredKeysReturnsExactlyTheLiveKeysAskedFor() {
		this.db.clear(Range.all());
		for (int i = 0; i < 20; i++) {
			byte[] key = utf8(String.format("k%02d", i));
			if (i < 10 && i % 2 == 0) {
				this.db.put(key, utf8("v"), TTL);
			}
			else {
				this.db.put(key, utf8("v"));
			}
		}
		this.listener.reset();
		assertThat(this.db.keys(Range.all().limit(10)).all()).hasSize(10);
		assertThat(this.listener.count("Query")).as("nothing expired: the floor").isEqualTo(1);
		this.clock.advance(TTL);
		this.listener.reset();
		assertThat(strings(this.db.iterator(Range.all().limit(10)).all().stream().map(Entry::key).toList()))
			.containsExactly("k01", "k03", "k05", "k07", "k09", "k10", "k11", "k12", "k13", "k14");
		assertThat(this.listener.count("Query")).as("5 expired among the first 10: one more query").isEqualTo(2);
		double readUnits = this.listener.requests().stream().mapToDouble(RequestEvent::readCapacity).sum();
		System.out.printf("limit-10 read over 5 expired of the first 10 keys: %d queries, %.1f read units%n",
				this.listener.count("Query"), readUnits);
		assertThat(readUnits).isPositive();
	}

	private Optional<Map<String, AttributeValue>> rawItem(String key) {
		byte[] sortKey = new byte[key.length() + 1];
		System.arraycopy(utf8(key), 0, sortKey, 1, key.length());
		Map<String, AttributeValue> item = LocalDynamo.client()
			.getItem((get) -> get.tableName(this.db.table())
				.consistentRead(true)
				.key(Map.of("hkey", AttributeValue.fromS(this.db.hashKey()), "rkey",
						AttributeValue.fromB(SdkBytes.fromByteArray(sortKey)))))
			.item();
		return (item == null || item.isEmpty()) ? Optional.empty() : Optional.of(item);
	}

	private static List<String> strings(List<byte[]> bytes) {
		return bytes.stream().map(String::new).toList();
	}

}
