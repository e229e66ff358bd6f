package io.dynamodown;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import io.dynamodown.support.Bytes;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.ModelStore;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every combination of lower bound, upper bound, direction and limit over a fixed data
 * set, against the {@link ModelStore}, in a database of one shard and of seven.
 */
@ParameterizedClass(name = "{0} shards")
@ValueSource(ints = { 1, 7 })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RangeMatrixTests {

	private static final long[] LIMITS = { Range.UNLIMITED, 0, 1, 10, 1000 };

	private final RecordingListener listener = new RecordingListener();

	private final ModelStore model = new ModelStore();

	@Parameter
	private int shards;

	private LevelDb db;

	@BeforeParameterizedClassInvocation
	void load() {
		this.db = LocalDynamo.freshStore(this.listener).shards(this.shards).open();
		Batch bulk = this.db.bulk();
		for (int i = 0; i < 100; i++) {
			bulk.put(utf8(String.format("%02d", i)), utf8("v" + i));
			this.model.put(utf8(String.format("%02d", i)), utf8("v" + i));
		}
		for (byte[] key : List.of(new byte[0], Bytes.of(0x00), Bytes.of(0x00, 0x00), Bytes.of(0x7f),
				Bytes.of(0x7f, 0xff), Bytes.of(0x80), Bytes.of(0x80, 0x00), Bytes.of(0xff), Bytes.of(0xff, 0xff))) {
			bulk.put(key, key);
			this.model.put(key, key);
		}
		bulk.write();
	}

	@AfterParameterizedClassInvocation
	void close() {
		this.db.close();
	}

	@TestFactory
	Stream<DynamicTest> everyRangeMatchesTheModel() {
		List<byte[]> candidates = List.of(new byte[0], Bytes.of(0x00), utf8("00"), utf8("005"), utf8("5"), utf8("50"),
				utf8("99"), utf8("a"), Bytes.of(0x7f), Bytes.of(0x80, 0x00), Bytes.of(0xff, 0xff, 0xff),
				Bytes.filled(1023, 0xff), Bytes.filled(2000, 0x30));
		List<Bound> lowers = bounds(candidates, true);
		List<Bound> uppers = bounds(candidates, false);
		List<DynamicTest> tests = new ArrayList<>();
		for (Bound lower : lowers) {
			for (Bound upper : uppers) {
				for (boolean reverse : new boolean[] { false, true }) {
					for (long limit : LIMITS) {
						Range range = upper.apply(lower.apply(Range.all())).reverse(reverse).limit(limit);
						tests.add(DynamicTest.dynamicTest(
								lower + " " + upper + (reverse ? " reverse" : "") + " limit " + limit,
								() -> assertMatches(range)));
					}
				}
			}
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> gteWinsOverGtAndLteOverLt() {
		return Stream
			.of(Range.all().gt(utf8("10")).gte(utf8("10")).lt(utf8("20")).lte(utf8("20")),
					Range.all().gte(utf8("10")).gt(utf8("10")).lte(utf8("20")).lt(utf8("20")).reverse())
			.map((range) -> DynamicTest.dynamicTest(range.toString(), () -> {
				List<Entry> entries = this.db.iterator(range).all();
				assertThat(entries).hasSize(11);
				assertMatches(range);
			}));
	}

	private void assertMatches(Range range) {
		List<Entry> expected = this.model.range(range);
		assertThat(this.db.iterator(range).all()).as(range.toString()).containsExactlyElementsOf(expected);
		assertThat(this.db.keys(range).all()).as("keys " + range)
			.containsExactlyElementsOf(expected.stream().map(Entry::key).toList());
		assertThat(this.db.values(range).all()).as("values " + range)
			.containsExactlyElementsOf(expected.stream().map(Entry::value).toList());
	}

	private static List<Bound> bounds(List<byte[]> candidates, boolean lower) {
		List<Bound> bounds = new ArrayList<>();
		bounds.add(new Bound("none", null, false, lower));
		for (byte[] candidate : candidates) {
			bounds.add(new Bound(lower ? "gt" : "lt", candidate, false, lower));
			bounds.add(new Bound(lower ? "gte" : "lte", candidate, true, lower));
		}
		return bounds;
	}

	private record Bound(String name, byte[] key, boolean inclusive, boolean lower) {

		Range apply(Range range) {
			if (this.key == null) {
				return range;
			}
			if (this.lower) {
				return this.inclusive ? range.gte(this.key) : range.gt(this.key);
			}
			return this.inclusive ? range.lte(this.key) : range.lt(this.key);
		}

		@Override
		public String toString() {
			if (this.key == null) {
				return (this.lower ? "lower " : "upper ") + this.name;
			}
			String hex = (this.key.length > 8)
					? this.key.length + " bytes of " + HexFormat.of().formatHex(this.key, 0, 1)
					: HexFormat.of().formatHex(this.key);
			return this.name + " " + hex;
		}

	}

}
