package io.dynamodown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

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
 * Iterator behaviour: order, seek, limit, paging, request counts and closing.
 */
class IteratorTests {

	private final RecordingListener listener = new RecordingListener();

	private LevelDb db;

	@BeforeEach
	void open() {
		this.db = LocalDynamo.freshStore(this.listener).compression(Compression.none()).open();
	}

	@AfterEach
	void close() {
		this.db.close();
	}

	@Test
	void binaryKeysSortAsUnsignedBytesBothWays() {
		List<byte[]> ordered = List.of(new byte[0], Bytes.of(0x00), Bytes.of(0x00, 0x00), Bytes.of(0x01),
				Bytes.of(0x7f), Bytes.of(0x7f, 0xff), Bytes.of(0x80), Bytes.of(0x80, 0x00), Bytes.of(0xfe),
				Bytes.of(0xff), Bytes.of(0xff, 0x00), Bytes.of(0xff, 0xff));
		Batch batch = this.db.batch();
		for (int i = ordered.size() - 1; i >= 0; i--) {
			batch.put(ordered.get(i), utf8("v"));
		}
		batch.write();
		assertThat(this.db.keys(Range.all()).all()).containsExactlyElementsOf(ordered);
		List<byte[]> reversed = new ArrayList<>(ordered);
		Collections.reverse(reversed);
		assertThat(this.db.keys(Range.all().reverse()).all()).containsExactlyElementsOf(reversed);
	}

	@Test
	void stringKeysOrderByUtf8BytesNotUtf16() {
		String bmp = "\uffe0";
		String supplementary = "\ud83d\ude00";
		this.db.put(utf8(bmp), utf8("bmp"));
		this.db.put(utf8(supplementary), utf8("emoji"));
		assertThat(bmp.compareTo(supplementary)).isPositive();
		assertThat(this.db.keys(Range.all()).all()).containsExactly(utf8(bmp), utf8(supplementary));
	}

	@Test
	void limitOfTenOverTenThousandKeysSendsOneQuery() {
		loadNumbered(10_000, 10);
		this.listener.reset();
		List<Entry> first = this.db.iterator(Range.all().gte(utf8("05000")).limit(10)).all();
		assertThat(first).hasSize(10);
		assertThat(new String(first.get(0).key())).isEqualTo("05000");
		assertThat(this.listener.count("Query")).isEqualTo(1);
		assertThat(this.listener.total()).isEqualTo(1);
	}

	@Test
	void emptyAndInvertedRangesSendNoRequest() {
		this.db.put(utf8("a"), utf8("1"));
		this.listener.reset();
		assertThat(this.db.iterator(Range.all().gt(utf8("b")).lt(utf8("a"))).all()).isEmpty();
		assertThat(this.db.iterator(Range.all().gt(utf8("a")).lt(utf8("a"))).all()).isEmpty();
		assertThat(this.db.iterator(Range.all().gte(utf8("a")).lt(utf8("a"))).all()).isEmpty();
		assertThat(this.db.iterator(Range.all().lt(new byte[0])).all()).isEmpty();
		assertThat(this.db.iterator(Range.all().limit(0)).all()).isEmpty();
		assertThat(this.listener.total()).isZero();
	}

	@Test
	void rangeLargerThanOneMegabyteIteratesCompletelyInOrderBothWays() {
		byte[] value = new byte[100 * 1024];
		Batch bulk = this.db.bulk();
		for (int i = 0; i < 30; i++) {
			bulk.put(utf8(String.format("%02d", i)), value);
		}
		bulk.write();
		this.listener.reset();
		List<byte[]> forward = this.db.keys(Range.all()).all();
		assertThat(forward).hasSize(30);
		for (int i = 0; i < 30; i++) {
			assertThat(new String(forward.get(i))).isEqualTo(String.format("%02d", i));
		}
		assertThat(this.listener.count("Query")).isGreaterThanOrEqualTo(3);
		List<Entry> backward = this.db.iterator(Range.all().reverse()).all();
		assertThat(backward).hasSize(30);
		for (int i = 0; i < 30; i++) {
			assertThat(new String(backward.get(i).key())).isEqualTo(String.format("%02d", 29 - i));
			assertThat(backward.get(i).value()).hasSize(value.length);
		}
	}

	@Test
	void seekMovesWithinTheRangeInTheIteratorsDirectionAndATargetOutsideItEndsTheIteration() {
		loadNumbered(50, 1);
		try (LevelIterator<byte[]> keys = this.db.keys(Range.all().gte(utf8("00010")).lt(utf8("00040")))) {
			assertThat(new String(keys.next())).isEqualTo("00010");
			keys.seek(utf8("000205"));
			assertThat(new String(keys.next())).isEqualTo("00021");
			keys.seek(utf8("00015"));
			assertThat(new String(keys.next())).isEqualTo("00015");
			keys.seek(utf8("00005"));
			assertThat(keys.hasNext()).isFalse();
			keys.seek(utf8("00040"));
			assertThat(keys.hasNext()).isFalse();
		}
		try (LevelIterator<byte[]> keys = this.db.keys(Range.all().lt(utf8("00040")).reverse())) {
			keys.seek(utf8("000205"));
			assertThat(new String(keys.next())).isEqualTo("00020");
			keys.seek(utf8("00099"));
			assertThat(keys.hasNext()).isFalse();
		}
	}

	@Test
	void limitCountsWhatWasReturnedBeforeASeek() {
		loadNumbered(20, 1);
		try (LevelIterator<byte[]> keys = this.db.keys(Range.all().limit(3))) {
			keys.next();
			keys.next();
			keys.seek(utf8("00010"));
			assertThat(keys.nextv(5)).hasSize(1);
			assertThat(keys.hasNext()).isFalse();
		}
	}

	@Test
	void nextvReadsInBatchesAndNextPastTheEndThrows() {
		loadNumbered(7, 1);
		try (LevelIterator<Entry> entries = this.db.iterator(Range.all())) {
			assertThat(entries.nextv(5)).hasSize(5);
			assertThat(entries.nextv(5)).hasSize(2);
			assertThat(entries.nextv(5)).isEmpty();
			assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(entries::next);
		}
	}

	@Test
	void iteratorUsedAfterCloseFailsWithIteratorClosed() {
		loadNumbered(3, 1);
		LevelIterator<Entry> entries = this.db.iterator(Range.all());
		entries.next();
		entries.close();
		entries.close();
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(entries::hasNext)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.ITERATOR_CLOSED));
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> entries.seek(utf8("a")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.ITERATOR_CLOSED));
	}

	@Test
	void iteratorOfAClosedStoreFinishesItsPageThenFailsWithNotOpen() {
		Batch bulk = this.db.bulk();
		for (int i = 0; i < 15; i++) {
			bulk.put(utf8(String.format("%02d", i)), new byte[100 * 1024]);
		}
		bulk.write();
		LevelIterator<byte[]> keys = this.db.keys(Range.all());
		List<byte[]> read = new ArrayList<>();
		read.add(keys.next());
		this.db.close();
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> {
			while (keys.hasNext()) {
				read.add(keys.next());
			}
		}).satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_OPEN));
		assertThat(read).hasSizeBetween(2, 14);
	}

	@Test
	void streamClosesTheIteratorAtItsEnd() {
		loadNumbered(5, 1);
		try (Stream<Entry> entries = this.db.stream(Range.all().reverse())) {
			assertThat(entries.map((e) -> new String(e.key())).toList()).containsExactly("00004", "00003", "00002",
					"00001", "00000");
		}
	}

	@Test
	void entriesServeAForEachLoop() {
		loadNumbered(3, 1);
		List<String> keys = new ArrayList<>();
		for (Entry entry : this.db.entries(Range.all().gt(utf8("00000")))) {
			keys.add(new String(entry.key()));
		}
		assertThat(keys).containsExactly("00001", "00002");
	}

	@Test
	void readAheadAndPlainIterationReadTheSameEntries() {
		byte[] value = new byte[64 * 1024];
		Batch bulk = this.db.bulk();
		for (int i = 0; i < 40; i++) {
			bulk.put(utf8(String.format("%02d", i)), value);
		}
		bulk.write();
		try (LevelDb plain = LevelDb.builder(LocalDynamo.client()).table(this.db.table()).readAhead(false).open()) {
			assertThat(plain.iterator(Range.all().reverse()).all())
				.containsExactlyElementsOf(this.db.iterator(Range.all().reverse()).all());
		}
	}

	@Test
	void clearDeletesOnlyTheRangeWithKeysOnlyQueriesAndBatchWrites() {
		loadNumbered(100, 1);
		this.listener.reset();
		this.db.clear(Range.all().gte(utf8("00010")).lt(utf8("00060")));
		assertThat(this.listener.count("BatchWriteItem")).isEqualTo(2);
		assertThat(this.listener.count("Query")).isEqualTo(1);
		assertThat(this.db.keys(Range.all()).all()).hasSize(50);
		this.db.clear(Range.all().limit(5).reverse());
		assertThat(new String(this.db.keys(Range.all().reverse().limit(1)).all().get(0))).isEqualTo("00094");
		this.db.clear(Range.all());
		assertThat(this.db.keys(Range.all()).all()).isEmpty();
	}

	@Test
	void approximateSizeGrowsWithTheData() {
		assertThat(this.db.approximateSize(Range.all())).isZero();
		byte[] value = new byte[10 * 1024];
		Batch bulk = this.db.bulk();
		for (int i = 0; i < 50; i++) {
			bulk.put(utf8(String.format("%02d", i)), value);
		}
		bulk.write();
		long all = this.db.approximateSize(Range.all());
		long half = this.db.approximateSize(Range.all().lt(utf8("25")));
		assertThat(all).isBetween(400_000L, 700_000L);
		assertThat(half).isLessThan(all).isGreaterThan(all / 3);
	}

	private void loadNumbered(int count, int valueBytes) {
		Batch bulk = this.db.bulk();
		for (int i = 0; i < count; i++) {
			bulk.put(utf8(String.format("%05d", i)), new byte[valueBytes]);
		}
		bulk.write();
	}

}
