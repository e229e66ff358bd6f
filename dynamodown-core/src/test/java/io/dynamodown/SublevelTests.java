package io.dynamodown;

import java.util.List;
import java.util.Optional;

import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Sublevels: prefixed views inside one hash key, in a database of one shard and of seven
 * (a sublevel of a sharded database is sharded the same way).
 */
@ParameterizedClass(name = "{0} shards")
@ValueSource(ints = { 1, 7 })
class SublevelTests {

	private final RecordingListener listener = new RecordingListener();

	@Parameter
	private int shards;

	private LevelDb db;

	@BeforeEach
	void open() {
		this.db = LocalDynamo.freshStore(this.listener).shards(this.shards).open();
	}

	@AfterEach
	void close() {
		this.db.close();
	}

	@Test
	void sublevelKeysCarryThePrefixAndTheRootSeesThemInOrder() {
		LevelDb users = this.db.sublevel("users");
		users.put(utf8("bob"), utf8("1"));
		users.put(utf8("amy"), utf8("2"));
		this.db.put(utf8("zzz"), utf8("root"));
		this.db.put(utf8("!"), utf8("bang"));
		assertThat(users.keys(Range.all()).all()).containsExactly(utf8("amy"), utf8("bob"));
		assertThat(this.db.keys(Range.all()).all()).containsExactly(utf8("!"), utf8("!users!amy"), utf8("!users!bob"),
				utf8("zzz"));
		assertThat(users.get(utf8("amy"))).isPresent();
		assertThat(this.db.get(utf8("!users!amy"))).isPresent();
	}

	@Test
	void rangesClearsAndBatchesStayInsideTheSublevel() {
		LevelDb a = this.db.sublevel("a");
		LevelDb b = this.db.sublevel("b");
		a.batch().put(utf8("1"), utf8("a1")).put(utf8("2"), utf8("a2")).write();
		b.batch().put(utf8("1"), utf8("b1")).put(utf8("2"), utf8("b2")).write();
		assertThat(a.iterator(Range.all().reverse()).all()).containsExactly(new Entry(utf8("2"), utf8("a2")),
				new Entry(utf8("1"), utf8("a1")));
		assertThat(a.keys(Range.all().gt(utf8("1"))).all()).containsExactly(utf8("2"));
		a.clear(Range.all());
		assertThat(a.keys(Range.all()).all()).isEmpty();
		assertThat(b.keys(Range.all()).all()).hasSize(2);
		assertThat(a.getMany(List.of(utf8("1")))).containsExactly(Optional.empty());
	}

	@Test
	void nestedSublevelsPrefixTwice() {
		LevelDb inner = this.db.sublevel("a").sublevel("b");
		assertThat(inner.shards()).isEqualTo(this.shards);
		inner.put(utf8("k"), utf8("v"));
		assertThat(new String(inner.prefix())).isEqualTo("!a!!b!");
		assertThat(this.db.keys(Range.all()).all()).containsExactly(utf8("!a!!b!k"));
		assertThat(this.db.sublevel("a").keys(Range.all()).all()).containsExactly(utf8("!b!k"));
	}

	@Test
	void sublevelPrefixCountsTowardsTheKeyLimit() {
		LevelDb users = this.db.sublevel("users");
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> users.put(new byte[1023 - 6], utf8("v")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_KEY))
			.withMessageContaining("1024");
		users.put(new byte[1023 - 7], utf8("v"));
	}

	@Test
	void invalidSublevelNamesAreRefused() {
		for (String bad : new String[] { "", "a!b" }) {
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> this.db.sublevel(bad))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
		}
	}

	@Test
	void closingASublevelClosesOnlyThatViewAndClosingTheRootClosesAll() {
		LevelDb sub = this.db.sublevel("s");
		LevelDb other = this.db.sublevel("o");
		sub.close();
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> sub.get(utf8("a")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_OPEN));
		other.put(utf8("a"), utf8("1"));
		this.db.close();
		assertThat(other.isOpen()).isFalse();
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> other.get(utf8("a")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_OPEN));
	}

}
