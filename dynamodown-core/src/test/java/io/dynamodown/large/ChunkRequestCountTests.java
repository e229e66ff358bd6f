package io.dynamodown.large;

import java.util.ArrayList;
import java.util.List;

import io.dynamodown.LevelDb;
import io.dynamodown.Range;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RawItems;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests a value of n chunks costs: write ⌈n/25⌉ {@code BatchWriteItem} + 1
 * {@code PutItem}; read 1 {@code GetItem} + ⌈n/10⌉ {@code BatchGetItem}; overwrite by
 * another of n chunks the write's plus ⌈n/100⌉ {@code BatchGetItem} checking the old
 * chunks' owner and ⌈n/25⌉ {@code BatchWriteItem} removing them; delete 1
 * {@code DeleteItem} + ⌈n/100⌉ {@code BatchGetItem} + ⌈n/25⌉ {@code BatchWriteItem}; an
 * iterator's page or a many-key read reads the chunks of all its large values together,
 * 10 per {@code BatchGetItem}. Values are random (incompressible) and
 * {@value #BYTES_PER_CHUNK} bytes per chunk, just under a chunk's capacity.
 */
class ChunkRequestCountTests {

	private static final int BYTES_PER_CHUNK = 409_000;

	private final RecordingListener listener = new RecordingListener();

	@ParameterizedTest(name = "{0} chunks")
	@ValueSource(ints = { 2, 25, 26, 41 })
	void requestsForAValueOfNChunks(int chunks) {
		try (LevelDb db = LocalDynamo.freshStore(this.listener).open()) {
			byte[] first = LargeValueTests.random(chunks * BYTES_PER_CHUNK, chunks);
			byte[] second = LargeValueTests.random(chunks * BYTES_PER_CHUNK, chunks + 1000);
			int writes = (chunks + 24) / 25;
			int reads = (chunks + 9) / 10;
			int ownerChecks = (chunks + 99) / 100;
			this.listener.reset();
			db.put(utf8("k"), first);
			assertThat(counts()).as("write").isEqualTo(new Counts(0, 0, 1, 0, writes));
			assertThat(RawItems.chunkCount(db)).isEqualTo(chunks);
			this.listener.reset();
			assertThat(db.get(utf8("k"))).hasValueSatisfying((value) -> assertThat(value).isEqualTo(first));
			assertThat(counts()).as("read").isEqualTo(new Counts(1, reads, 0, 0, 0));
			this.listener.reset();
			db.put(utf8("k"), second);
			assertThat(counts()).as("overwrite").isEqualTo(new Counts(0, ownerChecks, 1, 0, 2 * writes));
			assertThat(RawItems.chunkCount(db)).isEqualTo(chunks);
			this.listener.reset();
			db.delete(utf8("k"));
			assertThat(counts()).as("delete").isEqualTo(new Counts(0, ownerChecks, 0, 1, writes));
			assertThat(RawItems.chunkCount(db)).isZero();
		}
	}

	@Test
	void aPageOrAManyKeyReadReadsTheChunksOfAllItsLargeValuesTogether() {
		// a read budget above the page's 18 MB of large values, so the page is not cut
		try (LevelDb db = LocalDynamo.freshStore(this.listener).readBudget(32L * 1024 * 1024).open()) {
			List<byte[]> keys = new ArrayList<>();
			for (int i = 0; i < 15; i++) {
				byte[] key = utf8("k" + (char) ('a' + i));
				keys.add(key);
				db.put(key, LargeValueTests.random(3 * BYTES_PER_CHUNK, 100 + i));
				db.put(utf8("s" + i), utf8("small"));
			}
			this.listener.reset();
			assertThat(db.iterator(Range.all()).all()).hasSize(30);
			assertThat(this.listener.count("Query")).isEqualTo(1);
			assertThat(this.listener.count("BatchGetItem")).as("45 chunks, 10 per request").isEqualTo(5);
			this.listener.reset();
			assertThat(db.getMany(keys)).allSatisfy((value) -> assertThat(value).isPresent());
			assertThat(this.listener.count("BatchGetItem")).as("1 for the keys, 5 for their chunks").isEqualTo(6);
			assertThat(this.listener.total()).isEqualTo(6);
		}
	}

	@Test
	void aPageOfLargeValuesIsCutAtTheReadBudgetAndContinues() {
		try (LevelDb db = LocalDynamo.freshStore(this.listener).readBudget(1_500_000).open()) {
			List<byte[]> values = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				values.add(LargeValueTests.random(1_000_000, 200 + i));
				db.put(utf8("k" + i), values.get(i));
				db.put(utf8("s" + i), utf8("small"));
			}
			this.listener.reset();
			List<io.dynamodown.Entry> entries = db.iterator(Range.all()).all();
			assertThat(entries).hasSize(6);
			for (int i = 0; i < 3; i++) {
				assertThat(entries.get(i).value()).isEqualTo(values.get(i));
			}
			assertThat(this.listener.count("Query")).as("one page per 1 MB value with a budget of 1.5 MB").isEqualTo(3);
		}
	}

	private Counts counts() {
		Counts counts = new Counts(this.listener.count("GetItem"), this.listener.count("BatchGetItem"),
				this.listener.count("PutItem"), this.listener.count("DeleteItem"),
				this.listener.count("BatchWriteItem"));
		assertThat(this.listener.total()).as("no other request")
			.isEqualTo(counts.getItem() + counts.batchGetItem() + counts.putItem() + counts.deleteItem()
					+ counts.batchWriteItem());
		return counts;
	}

	private record Counts(long getItem, long batchGetItem, long putItem, long deleteItem, long batchWriteItem) {

	}

}
