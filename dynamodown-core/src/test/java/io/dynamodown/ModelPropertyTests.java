package io.dynamodown;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.ModelStore;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of put, delete, atomic batch, bulk write, clear and iteration with
 * seeks, run against the store (of one shard, and of seven) and against the
 * {@link ModelStore}; every read must match exactly. Seeds come from our own generator: a
 * failing run names its seed, and {@code -Ddynamodown.seed=N} replays it alone
 * ({@code -Ddynamodown.seeds=K} runs K seeds).
 */
class ModelPropertyTests {

	private static final int OPERATIONS = 60;

	private static final int[] BYTES = { 0x00, 0x01, 0x30, 0x7f, 0x80, 0xfe, 0xff };

	static Stream<Arguments> seeds() {
		String one = System.getProperty("dynamodown.seed");
		int count = Integer.getInteger("dynamodown.seeds", 30);
		LongStream seeds = (one != null) ? LongStream.of(Long.parseLong(one))
				: LongStream.range(0, count).map((i) -> 0x5EED_0000L + i * 7919);
		return seeds.boxed().flatMap((seed) -> Stream.of(Arguments.of(1, seed), Arguments.of(7, seed)));
	}

	@ParameterizedTest(name = "{0} shards, seed {1}")
	@MethodSource("seeds")
	void storeMatchesTheModel(int shards, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		ModelStore model = new ModelStore();
		List<String> log = new ArrayList<>();
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).shards(shards).open()) {
			for (int step = 0; step < OPERATIONS; step++) {
				int choice = random.nextInt(100);
				if (choice < 30) {
					byte[] key = key(random);
					byte[] value = value(random);
					log.add("put " + hex(key));
					db.put(key, value);
					model.put(key, value);
				}
				else if (choice < 40) {
					byte[] key = key(random);
					log.add("delete " + hex(key));
					db.delete(key);
					model.delete(key);
				}
				else if (choice < 55) {
					boolean atomic = random.nextBoolean();
					Batch batch = atomic ? db.batch() : db.bulk();
					int size = 1 + random.nextInt(atomic ? 12 : 40);
					for (int i = 0; i < size; i++) {
						byte[] key = key(random);
						if (random.nextInt(4) == 0) {
							batch.delete(key);
							model.delete(key);
						}
						else {
							byte[] value = value(random);
							batch.put(key, value);
							model.put(key, value);
						}
					}
					log.add((atomic ? "batch " : "bulk ") + size);
					batch.write();
				}
				else if (choice < 60) {
					Range range = range(random);
					log.add("clear " + range);
					db.clear(range);
					model.clear(range);
				}
				else {
					Range range = range(random);
					log.add("iterate " + range);
					iterateWithSeeks(db, model, range, random, seed, log);
				}
			}
			Range all = Range.all();
			assertThat(db.iterator(all).all()).as(context(seed, log)).containsExactlyElementsOf(model.range(all));
		}
	}

	private static void iterateWithSeeks(LevelDb db, ModelStore model, Range range, SplittableRandom random, long seed,
			List<String> log) {
		try (LevelIterator<Entry> iterator = db.iterator(range)) {
			List<Entry> expected = model.range(range);
			int first = random.nextInt(expected.size() + 2);
			List<Entry> read = iterator.nextv(first);
			assertThat(read).as(context(seed, log))
				.containsExactlyElementsOf(expected.subList(0, Math.min(first, expected.size())));
			if (random.nextBoolean()) {
				byte[] target = key(random);
				log.add("seek " + hex(target));
				iterator.seek(target);
				List<Entry> continued = model.range(range.limit(Range.UNLIMITED), target);
				long remaining = range.isLimited() ? Math.max(0, range.limit() - read.size()) : Long.MAX_VALUE;
				List<Entry> expectedRest = continued.subList(0, (int) Math.min(remaining, continued.size()));
				assertThat(iterator.all()).as(context(seed, log)).containsExactlyElementsOf(expectedRest);
			}
			else {
				assertThat(iterator.all()).as(context(seed, log))
					.containsExactlyElementsOf(expected.subList(Math.min(first, expected.size()), expected.size()));
			}
		}
	}

	private static Range range(SplittableRandom random) {
		Range range = Range.all();
		switch (random.nextInt(3)) {
			case 0 -> range = range.gt(key(random));
			case 1 -> range = range.gte(key(random));
			default -> {
			}
		}
		switch (random.nextInt(3)) {
			case 0 -> range = range.lt(key(random));
			case 1 -> range = range.lte(key(random));
			default -> {
			}
		}
		long[] limits = { Range.UNLIMITED, Range.UNLIMITED, 0, 1, 3, 10 };
		return range.reverse(random.nextBoolean()).limit(limits[random.nextInt(limits.length)]);
	}

	private static byte[] key(SplittableRandom random) {
		byte[] key = new byte[random.nextInt(4)];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) BYTES[random.nextInt(BYTES.length)];
		}
		return key;
	}

	private static byte[] value(SplittableRandom random) {
		byte[] value = new byte[random.nextInt(8)];
		random.nextBytes(value);
		return value;
	}

	private static String hex(byte[] key) {
		return HexFormat.of().formatHex(key);
	}

	private static String context(long seed, List<String> log) {
		int from = Math.max(0, log.size() - 8);
		return "seed " + seed + " (replay with -Ddynamodown.seed=" + seed + "), last steps "
				+ log.subList(from, log.size());
	}

}
