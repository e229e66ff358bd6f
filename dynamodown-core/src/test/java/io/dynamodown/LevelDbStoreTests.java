package io.dynamodown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dynamodown.support.Bytes;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Point reads and writes, many-key reads and atomic batches against the embedded server.
 */
class LevelDbStoreTests {

	private final RecordingListener listener = new RecordingListener();

	private LevelDb db;

	@BeforeEach
	void open() {
		this.db = LocalDynamo.freshStore(this.listener).compression(Compression.none()).open();
		this.listener.reset();
	}

	@AfterEach
	void close() {
		this.db.close();
	}

	@Test
	void putThenGetReturnsTheValueWithOneRequestEach() {
		this.db.put(utf8("a"), utf8("1"));
		assertThat(this.db.get(utf8("a"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("1")));
		assertThat(this.listener.count("PutItem")).isEqualTo(1);
		assertThat(this.listener.count("GetItem")).isEqualTo(1);
		assertThat(this.listener.total()).isEqualTo(2);
	}

	@Test
	void getOfAMissingKeyIsEmpty() {
		assertThat(this.db.get(utf8("missing"))).isEmpty();
	}

	@Test
	void deleteRemovesTheKeyAndDeletingAMissingKeySucceeds() {
		this.db.put(utf8("a"), utf8("1"));
		this.db.delete(utf8("a"));
		this.db.delete(utf8("never"));
		assertThat(this.db.get(utf8("a"))).isEmpty();
	}

	@Test
	void emptyKeyAndEmptyValueRoundTrip() {
		this.db.put(new byte[0], new byte[0]);
		this.db.put(utf8("k"), new byte[0]);
		assertThat(this.db.get(new byte[0])).hasValueSatisfying((v) -> assertThat(v).isEmpty());
		assertThat(this.db.get(utf8("k"))).hasValueSatisfying((v) -> assertThat(v).isEmpty());
		assertThat(this.db.iterator(Range.all()).all()).containsExactly(new Entry(new byte[0], new byte[0]),
				new Entry(utf8("k"), new byte[0]));
	}

	@Test
	void putOverwritesTheValue() {
		this.db.put(utf8("a"), utf8("1"));
		this.db.put(utf8("a"), utf8("2"));
		assertThat(this.db.get(utf8("a"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("2")));
	}

	@Test
	void keyOfTheLongestAllowedLengthRoundTrips() {
		byte[] key = Bytes.filled(1023, 0xff);
		this.db.put(key, utf8("v"));
		assertThat(this.db.get(key)).isPresent();
	}

	@Test
	void getManyOf250KeysSendsThreeBatchGetsAndKeepsOrderAndDuplicates() {
		List<byte[]> keys = new ArrayList<>();
		Batch bulk = this.db.bulk();
		for (int i = 0; i < 250; i++) {
			keys.add(utf8("k" + i));
			if (i % 2 == 0) {
				bulk.put(utf8("k" + i), utf8("v" + i));
			}
		}
		bulk.write();
		List<byte[]> asked = new ArrayList<>(keys);
		asked.add(utf8("k0"));
		asked.add(utf8("k1"));
		this.listener.reset();
		List<Optional<byte[]>> values = this.db.getMany(asked);
		assertThat(this.listener.count("BatchGetItem")).isEqualTo(3);
		assertThat(this.listener.total()).isEqualTo(3);
		assertThat(values).hasSize(252);
		for (int i = 0; i < 250; i++) {
			if (i % 2 == 0) {
				assertThat(values.get(i)).hasValueSatisfying((v) -> assertThat(v).isNotEmpty());
				assertThat(new String(values.get(i).get())).isEqualTo("v" + i);
			}
			else {
				assertThat(values.get(i)).isEmpty();
			}
		}
		assertThat(values.get(250)).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("v0")));
		assertThat(values.get(251)).isEmpty();
	}

	@Test
	void getManyOfNoKeysSendsNothing() {
		assertThat(this.db.getMany(List.of())).isEmpty();
		assertThat(this.listener.total()).isZero();
	}

	@Test
	void atomicBatchOf100DistinctKeysIsOneTransaction() {
		Batch batch = this.db.batch();
		for (int i = 0; i < 100; i++) {
			batch.put(utf8(String.format("%03d", i)), utf8("v" + i));
		}
		batch.write();
		assertThat(this.listener.count("TransactWriteItems")).isEqualTo(1);
		assertThat(this.listener.total()).isEqualTo(1);
		assertThat(this.db.keys(Range.all()).all()).hasSize(100);
	}

	@Test
	void atomicBatchOfOneKeyIsOnePutItem() {
		this.db.batch().put(utf8("a"), utf8("1")).write();
		assertThat(this.listener.count("PutItem")).isEqualTo(1);
		assertThat(this.listener.total()).isEqualTo(1);
	}

	@Test
	void atomicBatchOfOneDeleteIsOneDeleteItem() {
		this.db.batch().delete(utf8("a")).write();
		assertThat(this.listener.count("DeleteItem")).isEqualTo(1);
		assertThat(this.listener.total()).isEqualTo(1);
	}

	@Test
	void atomicBatchRepeatingOneKeyFiveTimesIsOneRequestAndTheLastWriteWins() {
		Batch batch = this.db.batch();
		for (int i = 0; i < 4; i++) {
			batch.put(utf8("a"), utf8("v" + i));
		}
		batch.delete(utf8("a"));
		batch.write();
		assertThat(this.listener.total()).isEqualTo(1);
		assertThat(this.listener.count("DeleteItem")).isEqualTo(1);
		this.db.batch().delete(utf8("a")).put(utf8("a"), utf8("last")).write();
		assertThat(this.db.get(utf8("a"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("last")));
	}

	@Test
	void atomicBatchMixesPutsAndDeletes() {
		this.db.put(utf8("gone"), utf8("x"));
		this.db.batch().put(utf8("a"), utf8("1")).delete(utf8("gone")).put(utf8("b"), utf8("2")).write();
		assertThat(this.db.keys(Range.all()).all()).containsExactly(utf8("a"), utf8("b"));
	}

	@Test
	void emptyBatchSendsNothing() {
		this.db.batch().write();
		assertThat(this.listener.total()).isZero();
	}

	@Test
	void batchOf101DistinctKeysIsRefusedBeforeAnyRequest() {
		Batch batch = this.db.batch();
		for (int i = 0; i < 101; i++) {
			batch.put(utf8("k" + i), utf8("v"));
		}
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(batch::write)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.BATCH_TOO_LARGE))
			.withMessageContaining("100")
			.withMessageContaining("101");
		assertThat(this.listener.total()).isZero();
	}

	@Test
	void batchOver4MegabytesIsRefusedBeforeAnyRequest() {
		Batch batch = this.db.batch();
		for (int i = 0; i < 11; i++) {
			batch.put(utf8("k" + i), new byte[400 * 1024 - 100]);
		}
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(batch::write)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.BATCH_TOO_LARGE))
			.withMessageContaining("4194304");
		assertThat(this.listener.total()).isZero();
	}

	@Test
	void nullKeyIsRefusedBeforeAnyRequest() {
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> this.db.put(null, utf8("v")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_KEY));
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> this.db.get(null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_KEY));
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> this.db.batch().delete(null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_KEY));
		assertThat(this.listener.total()).isZero();
	}

	@Test
	void nullValueIsRefusedBeforeAnyRequest() {
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> this.db.put(utf8("a"), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_VALUE));
		assertThat(this.listener.total()).isZero();
	}

	@Test
	void keyOf1024BytesIsRefusedBeforeAnyRequest() {
		byte[] key = new byte[1024];
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> this.db.put(key, utf8("v")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_KEY))
			.withMessageContaining("1023")
			.withMessageContaining("1024");
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> this.db.getMany(List.of(utf8("a"), key)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_KEY));
		assertThat(this.listener.total()).isZero();
	}

	@Test
	void valueThatMakesTheItemExceed400KilobytesIsStoredInChunks() {
		byte[] value = new byte[400 * 1024];
		this.db.put(utf8("a"), value);
		assertThat(this.listener.count("BatchWriteItem")).isEqualTo(1);
		assertThat(this.listener.count("PutItem")).isEqualTo(1);
		assertThat(this.db.get(utf8("a"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(value));
	}

	@Test
	void largestItemUnderTheLimitIsAccepted() {
		byte[] key = utf8("a");
		int overhead = "hkey".length() + "!".length() + "rkey".length() + 2 + "value".length();
		byte[] value = new byte[400 * 1024 - overhead];
		this.db.put(key, value);
		assertThat(this.db.get(key)).hasValueSatisfying((v) -> assertThat(v).hasSize(value.length));
	}

	@Test
	void everyCallOnAClosedStoreFailsWithNotOpenAndSendsNothing() {
		this.db.close();
		this.db.close();
		assertThat(this.db.isOpen()).isFalse();
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> this.db.get(utf8("a")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_OPEN));
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> this.db.put(utf8("a"), utf8("b")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_OPEN));
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> this.db.iterator(Range.all()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_OPEN));
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> this.db.batch())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_OPEN));
		assertThat(this.listener.total()).isZero();
	}

	@Test
	void everyRequestReportsConsumedCapacity() {
		this.db.put(utf8("a"), utf8("1"));
		this.db.get(utf8("a"));
		assertThat(this.listener.requests()).allSatisfy((event) -> {
			assertThat(event.table()).isEqualTo(this.db.table());
			assertThat(event.readCapacity() + event.writeCapacity()).isPositive();
		});
		assertThat(this.listener.requests().get(0).writeCapacity()).isPositive();
		assertThat(this.listener.requests().get(1).readCapacity()).isPositive();
	}

}
