package io.dynamodown;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.dynamodown.codec.Codec;
import io.dynamodown.codec.TypedLevelDb;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code seek()} respects the iterator's range, as abstract-level's
 * {@code iterator-seek-test.js} ("seek() respects range") specifies: a target inside the
 * range moves the iterator (one fresh query per shard), a target outside it ends the
 * iteration without a request. Keys and values are {@code "0"} to {@code "9"}, in a
 * database of one shard and of seven.
 */
@ParameterizedClass(name = "{0} shards")
@ValueSource(ints = { 1, 7 })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeekRangeTests {

	private final RecordingListener listener = new RecordingListener();

	@Parameter
	private int shards;

	private LevelDb db;

	@BeforeParameterizedClassInvocation
	void load() {
		this.db = LocalDynamo.freshStore(this.listener).shards(this.shards).open();
		Batch batch = this.db.batch();
		for (int i = 0; i < 10; i++) {
			batch.put(utf8(String.valueOf(i)), utf8(String.valueOf(i)));
		}
		batch.write();
	}

	@AfterParameterizedClassInvocation
	void close() {
		this.db.close();
	}

	@BeforeEach
	void resetListener() {
		this.listener.reset();
	}

	static Stream<Arguments> cases() {
		List<Case> cases = List.of(new Case("gt 5", (r) -> r.gt("5"), "4", null),
				new Case("gt 5", (r) -> r.gt("5"), "5", null), new Case("gt 5", (r) -> r.gt("5"), "6", "6"),
				new Case("gte 5", (r) -> r.gte("5"), "4", null), new Case("gte 5", (r) -> r.gte("5"), "5", "5"),
				new Case("gte 5", (r) -> r.gte("5"), "6", "6"), new Case("lt 5", (r) -> r.lt("5"), "4", "4"),
				new Case("lt 5", (r) -> r.lt("5"), "5", null), new Case("lt 5", (r) -> r.lt("5"), "6", null),
				new Case("lte 5", (r) -> r.lte("5"), "4", "4"), new Case("lte 5", (r) -> r.lte("5"), "5", "5"),
				new Case("lte 5", (r) -> r.lte("5"), "6", null),
				new Case("lt 5 reverse", (r) -> r.lt("5").reverse(), "4", "4"),
				new Case("lt 5 reverse", (r) -> r.lt("5").reverse(), "5", null),
				new Case("lt 5 reverse", (r) -> r.lt("5").reverse(), "6", null),
				new Case("lte 5 reverse", (r) -> r.lte("5").reverse(), "4", "4"),
				new Case("lte 5 reverse", (r) -> r.lte("5").reverse(), "5", "5"),
				new Case("lte 5 reverse", (r) -> r.lte("5").reverse(), "6", null),
				new Case("gt 5 reverse", (r) -> r.gt("5").reverse(), "4", null),
				new Case("gt 5 reverse", (r) -> r.gt("5").reverse(), "5", null),
				new Case("gt 5 reverse", (r) -> r.gt("5").reverse(), "6", "6"),
				new Case("gte 5 reverse", (r) -> r.gte("5").reverse(), "4", null),
				new Case("gte 5 reverse", (r) -> r.gte("5").reverse(), "5", "5"),
				new Case("gte 5 reverse", (r) -> r.gte("5").reverse(), "6", "6"),
				new Case("gt 7 lt 8", (r) -> r.gt("7").lt("8"), "7", null),
				new Case("gte 7 lt 8", (r) -> r.gte("7").lt("8"), "7", "7"),
				new Case("gte 7 lt 8", (r) -> r.gte("7").lt("8"), "8", null),
				new Case("gt 7 lte 8", (r) -> r.gt("7").lte("8"), "8", "8"));
		return Stream.of(Mode.values())
			.flatMap((mode) -> cases.stream().map((c) -> Arguments.of(mode, c.range(), c.target(), c)));
	}

	@ParameterizedTest(name = "{0}: seek({2}) on {1}")
	@MethodSource("cases")
	void seekRespectsRange(Mode mode, String range, String target, Case c) {
		try (LevelIterator<String> iterator = mode.open(this.db, c.shape().apply(Range.all()))) {
			iterator.seek(utf8(target));
			if (c.expected() == null) {
				assertThat(iterator.hasNext()).isFalse();
				assertThat(this.listener.total()).as("requests of a seek that ends the iteration").isZero();
			}
			else {
				assertThat(iterator.next()).isEqualTo(mode.expected(c.expected()));
				assertThat(this.listener.count("Query")).isEqualTo(this.shards);
			}
		}
	}

	@Test
	void seekBeforeAForwardRangeOrAfterAReverseRangeEndsTheIteration() {
		try (LevelDb sub = this.db.sublevel("seek")) {
			Batch batch = sub.batch();
			for (String key : List.of("4", "5", "6")) {
				batch.put(utf8(key), utf8(key));
			}
			batch.write();
			this.listener.reset();
			assertThat(seekKeys(sub, Range.all().gt("5"), "4")).isEmpty();
			assertThat(seekKeys(sub, Range.all().lt("5").reverse(), "6")).isEmpty();
			assertThat(seekKeys(sub, Range.all().lt("5"), "6")).isEmpty();
			assertThat(this.listener.total()).isZero();
			assertThat(seekKeys(sub, Range.all().gt("5"), "6")).containsExactly("6");
			assertThat(seekKeys(sub, Range.all().lt("5").reverse(), "4")).containsExactly("4");
		}
	}

	@Test
	void typedViewsSeekTheSameWay() {
		TypedLevelDb<String, String> typed = TypedLevelDb.of(this.db, Codec.utf8(), Codec.utf8());
		try (LevelIterator<String> keys = typed.keys(typed.range().gt("5"))) {
			keys.seek(utf8("4"));
			assertThat(keys.hasNext()).isFalse();
		}
		try (LevelIterator<String> keys = typed.keys(typed.range().gt("5"))) {
			keys.seek(utf8("7"));
			assertThat(keys.all()).containsExactly("7", "8", "9");
		}
		assertThat(this.listener.count("Query")).isEqualTo(this.shards);
	}

	private static List<String> seekKeys(LevelDb store, Range range, String target) {
		try (LevelIterator<String> keys = Mode.KEYS.open(store, range)) {
			keys.seek(utf8(target));
			return keys.all();
		}
	}

	/**
	 * One case of abstract-level's table.
	 *
	 * @param range the range, as written there
	 * @param shape builds the range
	 * @param target the seek target
	 * @param expected the key (and value) the next call yields, or {@code null} for none
	 */
	record Case(String range, UnaryOperator<Range> shape, String target, @Nullable String expected) {

		@Override
		public String toString() {
			return this.range;
		}

	}

	/**
	 * The three kinds of iterator, each read as strings.
	 */
	enum Mode {

		ENTRIES((store, range) -> store.iterator(range),
				(entry) -> text(((Entry) entry).key()) + "=" + text(((Entry) entry).value())),

		KEYS((store, range) -> store.keys(range), (key) -> text((byte[]) key)),

		VALUES((store, range) -> store.values(range), (value) -> text((byte[]) value));

		private final Opener opener;

		private final Function<Object, String> text;

		Mode(Opener opener, Function<Object, String> text) {
			this.opener = opener;
			this.text = text;
		}

		LevelIterator<String> open(LevelDb store, Range range) {
			LevelIterator<?> iterator = this.opener.open(store, range);
			return new StringIterator(iterator, this.text);
		}

		String expected(String key) {
			return (this == ENTRIES) ? key + "=" + key : key;
		}

		private static String text(byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}

	}

	@FunctionalInterface
	interface Opener {

		LevelIterator<?> open(LevelDb store, Range range);

	}

	/**
	 * An iterator read as strings.
	 */
	private record StringIterator(LevelIterator<?> source,
			Function<Object, String> text) implements LevelIterator<String> {

		@Override
		public boolean hasNext() {
			return this.source.hasNext();
		}

		@Override
		public String next() {
			return this.text.apply(this.source.next());
		}

		@Override
		public List<String> nextv(int n) {
			return this.source.nextv(n).stream().map(this.text).toList();
		}

		@Override
		public List<String> all() {
			return this.source.all().stream().map(this.text).toList();
		}

		@Override
		public void seek(byte[] target) {
			this.source.seek(target);
		}

		@Override
		public void close() {
			this.source.close();
		}

	}

}
