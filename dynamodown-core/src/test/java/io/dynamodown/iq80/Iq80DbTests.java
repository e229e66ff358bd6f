package io.dynamodown.iq80;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamodown.LevelDb;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBException;
import org.iq80.leveldb.DBIterator;
import org.iq80.leveldb.ReadOptions;
import org.iq80.leveldb.WriteBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The iq80 {@code DB} view against the embedded server.
 */
class Iq80DbTests {

	private final RecordingListener listener = new RecordingListener();

	private DB db;

	@BeforeEach
	void open() {
		LevelDb store = LocalDynamo.freshStore(this.listener).open();
		this.db = Iq80Db.wrap(store);
	}

	@AfterEach
	void close() throws Exception {
		this.db.close();
	}

	@Test
	void getPutDeleteAndWriteBatch() throws Exception {
		this.db.put(utf8("a"), utf8("1"));
		assertThat(this.db.get(utf8("a"))).isEqualTo(utf8("1"));
		assertThat(this.db.get(utf8("missing"))).isNull();
		try (WriteBatch batch = this.db.createWriteBatch()) {
			batch.put(utf8("b"), utf8("2")).put(utf8("c"), utf8("3")).delete(utf8("a"));
			this.db.write(batch);
		}
		assertThat(this.db.get(utf8("a"))).isNull();
		assertThat(this.db.get(utf8("c"))).isEqualTo(utf8("3"));
		this.db.delete(utf8("c"));
		assertThat(this.db.get(utf8("c"))).isNull();
	}

	@Test
	void iteratorMovesBothWaysAsLevelDbDoes() throws Exception {
		for (String key : new String[] { "a", "b", "c", "d" }) {
			this.db.put(utf8(key), utf8(key.toUpperCase()));
		}
		try (DBIterator it = this.db.iterator()) {
			it.seekToFirst();
			assertThat(it.hasPrev()).isFalse();
			assertThat(key(it.next())).isEqualTo("a");
			assertThat(key(it.next())).isEqualTo("b");
			assertThat(key(it.peekNext())).isEqualTo("c");
			assertThat(key(it.prev())).isEqualTo("b");
			assertThat(key(it.prev())).isEqualTo("a");
			assertThat(it.hasPrev()).isFalse();
			assertThat(key(it.next())).isEqualTo("a");
			it.seek(utf8("bb"));
			assertThat(key(it.peekPrev())).isEqualTo("b");
			assertThat(key(it.next())).isEqualTo("c");
			it.seekToLast();
			assertThat(it.hasNext()).isFalse();
			List<String> backwards = new ArrayList<>();
			while (it.hasPrev()) {
				backwards.add(key(it.prev()));
			}
			assertThat(backwards).containsExactly("d", "c", "b", "a");
			assertThat(key(it.next())).isEqualTo("a");
		}
	}

	@Test
	void whatDynamoDbCannotHonourIsRefusedOrANoOp() throws Exception {
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(this.db::getSnapshot)
			.withMessageContaining("point-in-time");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.db.put(utf8("a"), utf8("1"), new org.iq80.leveldb.WriteOptions().snapshot(true)));
		assertThat(this.db.getProperty("leveldb.stats")).isNull();
		this.db.compactRange(null, null);
		this.db.suspendCompactions();
		this.db.resumeCompactions();
		assertThat(this.db.get(utf8("a"), new ReadOptions().fillCache(false))).isNull();
		assertThat(this.db.getApproximateSizes(new org.iq80.leveldb.Range(utf8("a"), utf8("z")))).containsExactly(0L);
	}

	@Test
	void storeErrorsBecomeDbExceptionsWithTheCause() {
		assertThatExceptionOfType(DBException.class).isThrownBy(() -> this.db.put(new byte[1024], utf8("v")))
			.withMessageContaining("INVALID_KEY");
	}

	private static String key(Map.Entry<byte[], byte[]> entry) {
		return new String(entry.getKey());
	}

}
