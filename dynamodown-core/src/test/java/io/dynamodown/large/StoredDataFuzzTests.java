package io.dynamodown.large;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import io.dynamodown.Batch;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.Range;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.MutableClock;
import io.dynamodown.support.RawItems;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Stored data is untrusted input: real items written through the store are corrupted with
 * the raw SDK (attribute types, form bytes, manifest fields, chunks deleted, duplicated,
 * re-owned or retyped, foreign manifests, deflate bombs, odd expiries), then read. Every
 * read returns the value written (or, for a corruption that leaves a well-formed item,
 * the value that item holds, by an independent decoder), the absence an expiry says, or a
 * {@link LevelDbException} naming the key; never an {@link Error}, never more than a few
 * requests or a bounded number of bytes. Many-key reads, iterators and maintenance
 * ({@code repair}, {@code approximateSize}, {@code clear}) complete or fail naming a key.
 * The seed is printed; {@code -Dfuzz.seed=…} replays a run, {@code -Dfuzz.cases=…} sizes
 * it.
 */
class StoredDataFuzzTests {

	private static final int CASES = Integer.getInteger("fuzz.cases", 2_000);

	private static final int PER_ROUND = 100;

	private static final long MAX_VALUE = 1024L * 1024;

	private static final int MAX_REQUESTS_PER_GET = 6;

	private static final long MAX_BYTES_PER_GET = 32L * 1024 * 1024;

	private static final byte[] BOMB = deflateZeros(64L * 1024 * 1024);

	private static final String HKEY = "hkey";

	private static final String RKEY = "rkey";

	private static final String VALUE = "value";

	private static final String FORM = "form";

	private static final String TTL = "ttl";

	private static final ThreadLocal<long[]> REQUESTS = ThreadLocal.withInitial(() -> new long[1]);

	private final RequestListener listener = (event) -> REQUESTS.get()[0]++;

	private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final Map<Corruption, Integer> corruptions = new EnumMap<>(Corruption.class);

	private final Map<String, Integer> outcomes = new TreeMap<>();

	@Test
	void everyCorruptedItemReadsAsWrittenOrFailsNamingItsKey() {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		System.out.println("StoredDataFuzzTests seed " + seed + " (-Dfuzz.seed=" + seed + " to replay)");
		Random random = new Random(seed);
		MutableClock clock = MutableClock.atRealNow();
		try (LevelDb db = LevelDb.builder(LocalDynamo.client())
			.table(LocalDynamo.freshTable())
			.listener(this.listener)
			.maxValueSize(MAX_VALUE)
			.clock(clock)
			.open()) {
			int done = 0;
			for (int round = 0; done < CASES; round++) {
				int size = Math.min(PER_ROUND, CASES - done);
				List<Case> cases = write(db, random, round, size);
				Map<String, Map<String, AttributeValue>> stored = itemsOf(db, round);
				List<WriteRequest> writes = new ArrayList<>();
				for (Case item : cases) {
					corrupt(db, random, item, cases, clock, stored, writes);
				}
				writeRaw(db, writes);
				checkAll(db, cases, seed);
				readTogether(db, cases, seed);
				maintain(db, clock, seed);
				done += size;
			}
		}
		System.out.println("StoredDataFuzzTests " + CASES + " cases, seed " + seed + ": outcomes " + this.outcomes
				+ "; corruptions " + this.corruptions);
		assertThat(this.outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CASES);
	}

	private List<Case> write(LevelDb db, Random random, int round, int size) {
		List<Case> cases = new ArrayList<>(size);
		Batch bulk = db.bulk();
		for (int i = 0; i < size; i++) {
			byte[] key = utf8(String.format("r%03d/k%03d", round, i));
			Shape shape = Shape.values()[(random.nextInt(10) == 0) ? 2 : random.nextInt(2)];
			byte[] value = switch (shape) {
				case PLAIN -> randomBytes(random, random.nextInt(200));
				case COMPRESSED -> text(random, 200 + random.nextInt(4000));
				case CHUNKED -> randomBytes(random, 420_000 + random.nextInt(100_000));
			};
			bulk.put(key, value);
			cases.add(new Case(key, value, shape));
		}
		bulk.write();
		return cases;
	}

	private void corrupt(LevelDb db, Random random, Case item, List<Case> cases, MutableClock clock,
			Map<String, Map<String, AttributeValue>> items, List<WriteRequest> writes) {
		Map<String, AttributeValue> stored = new HashMap<>(items.get(HexFormat.of().formatHex(item.key)));
		List<Corruption> possible = (item.shape == Shape.CHUNKED && random.nextInt(4) > 0) ? Corruption.CHUNKED_ONLY
				: Corruption.forShape(item.shape);
		Corruption corruption = possible.get(random.nextInt(possible.size()));
		this.corruptions.merge(corruption, 1, Integer::sum);
		item.corruption = corruption;
		item.expect = Expect.ERROR;
		switch (corruption) {
			case NONE -> item.expect = Expect.WRITTEN;
			case VALUE_TYPE -> stored.put(VALUE, wrongType(random));
			case VALUE_MISSING -> stored.remove(VALUE);
			case FORM_TYPE -> stored.put(FORM, wrongType(random));
			case FORM_RANDOM -> {
				byte[] form = randomBytes(random, random.nextInt(40));
				stored.put(FORM, binary(form));
				if (form.length == 1 && form[0] == 1 && stored.get(VALUE) != null && stored.get(VALUE).b() != null) {
					item.expectDecoded(stored.get(VALUE).b().asByteArray());
				}
			}
			case CODEC_UNKNOWN -> stored.put(FORM, binary(new byte[] { (byte) (2 + random.nextInt(0x3E)) }));
			case TTL_STRING -> {
				stored.put(TTL, AttributeValue.fromS("1"));
				item.expect = Expect.WRITTEN;
			}
			case TTL_FRACTION_PAST -> {
				stored.put(TTL, AttributeValue.fromN((clock.instant().getEpochSecond() - 1) + ".5"));
				item.expect = Expect.ABSENT;
			}
			case TTL_FRACTION_FUTURE -> {
				stored.put(TTL, AttributeValue.fromN((clock.instant().getEpochSecond() + 1000) + ".25"));
				item.expect = Expect.WRITTEN;
			}
			case TTL_HUGE -> {
				stored.put(TTL, AttributeValue.fromN("9".repeat(38)));
				item.expect = Expect.WRITTEN;
			}
			case DEFLATE_TRUNCATED -> {
				byte[] bytes = stored.get(VALUE).b().asByteArray();
				byte[] cut = Arrays.copyOf(bytes, random.nextInt(bytes.length));
				stored.put(VALUE, binary(cut));
				item.expectDecoded(cut);
			}
			case DEFLATE_FLIPPED -> {
				byte[] bytes = stored.get(VALUE).b().asByteArray();
				bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
				stored.put(VALUE, binary(bytes));
				item.expectDecoded(bytes);
			}
			case DEFLATE_BOMB -> {
				stored.put(VALUE, binary(BOMB));
				stored.put(FORM, binary(new byte[] { 1 }));
			}
			case MANIFEST_CHUNKS -> manifest(stored, (m) -> m.putInt(18,
					pick(random, 0, -1, m.getInt(18) - 1, m.getInt(18) + 1, 100_000, Integer.MAX_VALUE)));
			case MANIFEST_LENGTH -> manifest(stored, (m) -> m.putLong(22,
					pickLong(random, 0, -1, 1L << 31, m.getLong(22) - 1, m.getLong(22) + 1, MAX_VALUE + 1)));
			case MANIFEST_CODEC -> {
				byte codec = (byte) (1 + random.nextInt(0x3F));
				manifest(stored, (m) -> m.put(1, codec));
				if (codec == 1) {
					item.expectDecoded(item.value);
				}
			}
			case MANIFEST_CRC -> manifest(stored, (m) -> m.putInt(30, m.getInt(30) ^ (1 << random.nextInt(32))));
			case MANIFEST_TRUNCATED ->
				stored.put(FORM, binary(Arrays.copyOf(stored.get(FORM).b().asByteArray(), 1 + random.nextInt(33))));
			case MANIFEST_FOREIGN -> {
				Case other = cases.stream()
					.filter((c) -> c != item && c.shape == Shape.CHUNKED)
					.findFirst()
					.orElse(null);
				if (other == null) {
					item.expect = Expect.WRITTEN;
					return;
				}
				stored.put(FORM, items.get(HexFormat.of().formatHex(other.key)).get(FORM));
				item.foreign = other;
			}
			case CHUNK_DELETED -> {
				Map<String, AttributeValue> chunk = chunk(db, stored, random);
				writes.add(WriteRequest.builder()
					.deleteRequest((delete) -> delete.key(Map.of(HKEY, chunk.get(HKEY), RKEY, chunk.get(RKEY))))
					.build());
				return;
			}
			case CHUNK_DUPLICATED -> {
				Map<String, AttributeValue> first = chunkAt(db, stored, 0);
				Map<String, AttributeValue> second = new HashMap<>(chunkAt(db, stored, 1));
				second.put(VALUE, first.get(VALUE));
				putRaw(writes, second);
				return;
			}
			case CHUNK_EXTRA -> {
				Map<String, AttributeValue> extra = new HashMap<>(chunkAt(db, stored, 0));
				byte[] sortKey = extra.get(RKEY).b().asByteArray();
				ByteBuffer.wrap(sortKey).putInt(17, 7);
				extra.put(RKEY, binary(sortKey));
				putRaw(writes, extra);
				item.expect = Expect.WRITTEN;
				return;
			}
			case CHUNK_VALUE_TYPE -> {
				Map<String, AttributeValue> chunk = new HashMap<>(chunk(db, stored, random));
				chunk.put(VALUE, wrongType(random));
				putRaw(writes, chunk);
				return;
			}
			case CHUNK_OWNER -> {
				Map<String, AttributeValue> chunk = new HashMap<>(chunk(db, stored, random));
				byte[] owner = (random.nextBoolean()) ? utf8("someone else") : filled(1100);
				byte[] form = new byte[owner.length + 1];
				form[0] = 0x40;
				System.arraycopy(owner, 0, form, 1, owner.length);
				chunk.put(FORM, binary(form));
				chunk.put(VALUE, binary(Arrays.copyOf(chunk.get(VALUE).b().asByteArrayUnsafe(), 1000)));
				putRaw(writes, chunk);
				return;
			}
			case CHUNKED_BOMB -> {
				byte[] generation = ByteBuffer.allocate(16).putLong(clock.millis()).putLong(random.nextLong()).array();
				byte[] sortKey = ByteBuffer.allocate(21).put((byte) 1).put(generation).putInt(0).array();
				byte[] form = new byte[item.key.length + 1];
				form[0] = 0x40;
				System.arraycopy(item.key, 0, form, 1, item.key.length);
				putRaw(writes, Map.of(HKEY, AttributeValue.fromS(db.hashKey()), RKEY, binary(sortKey), VALUE,
						binary(BOMB), FORM, binary(form)));
				CRC32C crc = new CRC32C();
				crc.update(BOMB);
				stored.put(FORM,
						binary(ByteBuffer.allocate(34)
							.put((byte) 0x80)
							.put((byte) 1)
							.put(generation)
							.putInt(1)
							.putLong(BOMB.length)
							.putInt((int) crc.getValue())
							.array()));
			}
		}
		putRaw(writes, stored);
	}

	/**
	 * Reads every case, on a few threads: the store is shared, as in an application.
	 */
	private void checkAll(LevelDb db, List<Case> cases, long seed) {
		List<Case> foreign = cases.stream().filter((c) -> c.foreign != null).toList();
		cases.parallelStream().forEach((item) -> check(db, item, seed));
		for (Case item : foreign) {
			db.delete(item.key);
			if (item.foreign.expect == Expect.WRITTEN) {
				assertThat(db.get(item.foreign.key))
					.as("the owner of chunks a deleted key named, %s", describe(item, seed))
					.hasValueSatisfying((value) -> assertThat(value).isEqualTo(item.foreign.value));
			}
		}
	}

	private void check(LevelDb db, Case item, long seed) {
		REQUESTS.get()[0] = 0;
		long allocated = this.threads.getCurrentThreadAllocatedBytes();
		Object result;
		try {
			result = db.get(item.key);
		}
		catch (LevelDbException ex) {
			result = ex;
		}
		catch (Throwable ex) {
			throw new AssertionError(describe(item, seed) + " threw " + ex, ex);
		}
		allocated = this.threads.getCurrentThreadAllocatedBytes() - allocated;
		assertThat(REQUESTS.get()[0]).as("requests of %s", describe(item, seed))
			.isLessThanOrEqualTo(MAX_REQUESTS_PER_GET);
		assertThat(allocated).as("bytes allocated by %s", describe(item, seed)).isLessThan(MAX_BYTES_PER_GET);
		String outcome = judge(item, result, seed);
		synchronized (this.outcomes) {
			this.outcomes.merge(outcome, 1, Integer::sum);
		}
	}

	private String judge(Case item, Object result, long seed) {
		if (result instanceof LevelDbException ex) {
			if (item.expect == Expect.WRITTEN || item.expect == Expect.ABSENT
					|| (item.expect == Expect.DECODED && item.decoded != null)) {
				fail(describe(item, seed) + " expected " + item.expect + " but threw " + ex);
			}
			assertThat(ex.getMessage()).as("message of %s", describe(item, seed))
				.contains(HexFormat.of().formatHex(item.key));
			return "error " + ex.code();
		}
		Optional<?> read = (Optional<?>) result;
		switch (item.expect) {
			case WRITTEN -> {
				assertThat(read).as(describe(item, seed)).isPresent();
				assertThat((byte[]) read.get()).as(describe(item, seed)).isEqualTo(item.value);
				return (item.corruption == Corruption.NONE) ? "value as written"
						: "value as written despite corruption";
			}
			case ABSENT -> {
				assertThat(read).as(describe(item, seed)).isEmpty();
				return "absent (expired)";
			}
			case DECODED -> {
				assertThat(item.decoded).as("%s read although an independent decoder fails", describe(item, seed))
					.isNotNull();
				assertThat(read).as(describe(item, seed)).isPresent();
				assertThat((byte[]) read.get()).as(describe(item, seed)).isEqualTo(item.decoded);
				return "value the damaged item holds";
			}
			default -> throw new AssertionError(describe(item, seed) + " expected an error but read " + read);
		}
	}

	private void readTogether(LevelDb db, List<Case> cases, long seed) {
		List<byte[]> keys = cases.stream().map((c) -> c.key).toList();
		List<String> hexKeys = keys.stream().map((k) -> HexFormat.of().formatHex(k)).toList();
		try {
			List<Optional<byte[]>> values = db.getMany(keys);
			assertThat(values).hasSize(keys.size());
		}
		catch (LevelDbException ex) {
			assertThat(hexKeys).as("getMany failure names a key, seed %d: %s", seed, ex.getMessage())
				.anyMatch(ex.getMessage()::contains);
		}
		try {
			db.iterator(Range.all()).all();
		}
		catch (LevelDbException ex) {
			assertThat(hexKeys).as("iterator failure names a key, seed %d: %s", seed, ex.getMessage())
				.anyMatch(ex.getMessage()::contains);
		}
	}

	private void maintain(LevelDb db, MutableClock clock, long seed) {
		clock.advance(Duration.ofHours(2));
		db.repair();
		assertThat(db.approximateSize(Range.all())).isPositive();
		db.clear(Range.all());
		assertThat(db.keys(Range.all()).all()).as("keys after clear, seed %d", seed).isEmpty();
		db.repair();
		assertThat(RawItems.chunks(db)).as("chunk items after clear and repair, seed %d", seed)
			.allSatisfy((chunk) -> assertThat(chunk.get(FORM).b().asByteArrayUnsafe().length).isGreaterThan(1024));
	}

	private static void manifest(Map<String, AttributeValue> stored, java.util.function.Consumer<ByteBuffer> change) {
		ByteBuffer manifest = ByteBuffer.wrap(stored.get(FORM).b().asByteArray());
		change.accept(manifest);
		stored.put(FORM, binary(manifest.array()));
	}

	private Map<String, AttributeValue> chunk(LevelDb db, Map<String, AttributeValue> stored, Random random) {
		int chunks = ByteBuffer.wrap(stored.get(FORM).b().asByteArrayUnsafe()).getInt(18);
		return chunkAt(db, stored, random.nextInt(chunks));
	}

	private static Map<String, AttributeValue> chunkAt(LevelDb db, Map<String, AttributeValue> stored, int index) {
		byte[] generation = Arrays.copyOfRange(stored.get(FORM).b().asByteArrayUnsafe(), 2, 18);
		byte[] sortKey = ByteBuffer.allocate(21).put((byte) 1).put(generation).putInt(index).array();
		return LocalDynamo.client()
			.getItem((get) -> get.tableName(db.table())
				.consistentRead(true)
				.key(Map.of(HKEY, AttributeValue.fromS(db.hashKey()), RKEY, binary(sortKey))))
			.item();
	}

	private static void putRaw(List<WriteRequest> writes, Map<String, AttributeValue> item) {
		writes.add(WriteRequest.builder().putRequest((put) -> put.item(item)).build());
	}

	private static void writeRaw(LevelDb db, List<WriteRequest> writes) {
		for (int from = 0; from < writes.size(); from += 25) {
			List<WriteRequest> chunk = writes.subList(from, Math.min(writes.size(), from + 25));
			Map<String, List<WriteRequest>> left = Map.of(db.table(), chunk);
			while (!left.isEmpty()) {
				Map<String, List<WriteRequest>> pending = left;
				left = LocalDynamo.client().batchWriteItem((batch) -> batch.requestItems(pending)).unprocessedItems();
			}
		}
	}

	/**
	 * The items of a round's keys, as the raw SDK reads them, by key in hex.
	 */
	private static Map<String, Map<String, AttributeValue>> itemsOf(LevelDb db, int round) {
		Map<String, Map<String, AttributeValue>> items = new HashMap<>();
		byte[] from = utf8(String.format("\0r%03d/", round));
		byte[] to = utf8(String.format("\0r%03d0", round));
		Map<String, AttributeValue> start = null;
		do {
			QueryRequest.Builder query = QueryRequest.builder()
				.tableName(db.table())
				.consistentRead(true)
				.keyConditionExpression("hkey = :h AND rkey BETWEEN :from AND :to")
				.expressionAttributeValues(
						Map.of(":h", AttributeValue.fromS(db.hashKey()), ":from", binary(from), ":to", binary(to)));
			if (start != null) {
				query.exclusiveStartKey(start);
			}
			QueryResponse page = LocalDynamo.client().query(query.build());
			for (Map<String, AttributeValue> item : page.items()) {
				byte[] sortKey = item.get(RKEY).b().asByteArrayUnsafe();
				items.put(HexFormat.of().formatHex(sortKey, 1, sortKey.length), item);
			}
			start = (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) ? page.lastEvaluatedKey() : null;
		}
		while (start != null);
		return items;
	}

	private static AttributeValue wrongType(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> AttributeValue.fromS("text");
			case 1 -> AttributeValue.fromN("1");
			case 2 -> AttributeValue.fromL(List.of());
			case 3 -> AttributeValue.fromBool(true);
			case 4 -> AttributeValue.fromNul(true);
			default -> AttributeValue.fromSs(List.of("a", "b"));
		};
	}

	private static AttributeValue binary(byte[] bytes) {
		return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
	}

	private static int pick(Random random, int... choices) {
		return choices[random.nextInt(choices.length)];
	}

	private static long pickLong(Random random, long... choices) {
		return choices[random.nextInt(choices.length)];
	}

	private static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] filled(int length) {
		byte[] bytes = new byte[length];
		Arrays.fill(bytes, (byte) 'x');
		return bytes;
	}

	private static byte[] text(Random random, int length) {
		String[] words = { "spring", "dynamo", "level", "value", "key", "table", "chunk", "{\"name\":", "\"type\"" };
		StringBuilder text = new StringBuilder(length + 16);
		while (text.length() < length) {
			text.append(words[random.nextInt(words.length)]).append(' ');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * An independent reading of raw deflate, with no bound but the store's largest value:
	 * the value a damaged stream still holds, or {@code null} when it holds none.
	 */
	static byte[] referenceInflate(byte[] stored) {
		Inflater inflater = new Inflater(true);
		try {
			inflater.setInput(stored);
			byte[] out = new byte[(int) MAX_VALUE + 1];
			int length = 0;
			while (!inflater.finished()) {
				int n = inflater.inflate(out, length, out.length - length);
				length += n;
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary() || length == out.length)) {
					return null;
				}
			}
			return (length <= MAX_VALUE) ? Arrays.copyOf(out, length) : null;
		}
		catch (DataFormatException ex) {
			return null;
		}
		finally {
			inflater.end();
		}
	}

	private static byte[] deflateZeros(long zeros) {
		Deflater deflater = new Deflater(9, true);
		byte[] input = new byte[1 << 20];
		byte[] buffer = new byte[1 << 16];
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (long left = zeros; left > 0;) {
			int n = (int) Math.min(input.length, left);
			deflater.setInput(input, 0, n);
			left -= n;
			while (!deflater.needsInput()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
		}
		deflater.finish();
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	private static String describe(Case item, long seed) {
		return "key " + new String(item.key, StandardCharsets.UTF_8) + " (" + item.shape + ", " + item.corruption
				+ ", seed " + seed + ")";
	}

	private enum Shape {

		PLAIN, COMPRESSED, CHUNKED

	}

	private enum Expect {

		WRITTEN, ABSENT, ERROR, DECODED

	}

	private enum Corruption {

		NONE, VALUE_TYPE, VALUE_MISSING, FORM_TYPE, FORM_RANDOM, CODEC_UNKNOWN, TTL_STRING, TTL_FRACTION_PAST,
		TTL_FRACTION_FUTURE, TTL_HUGE, DEFLATE_TRUNCATED, DEFLATE_FLIPPED, DEFLATE_BOMB, MANIFEST_CHUNKS,
		MANIFEST_LENGTH, MANIFEST_CODEC, MANIFEST_CRC, MANIFEST_TRUNCATED, MANIFEST_FOREIGN, CHUNK_DELETED,
		CHUNK_DUPLICATED, CHUNK_EXTRA, CHUNK_VALUE_TYPE, CHUNK_OWNER, CHUNKED_BOMB;

		private static final List<Corruption> CHUNKED_ONLY = List.of(MANIFEST_CHUNKS, MANIFEST_LENGTH, MANIFEST_CODEC,
				MANIFEST_CRC, MANIFEST_TRUNCATED, MANIFEST_FOREIGN, CHUNK_DELETED, CHUNK_DUPLICATED, CHUNK_EXTRA,
				CHUNK_VALUE_TYPE, CHUNK_OWNER);

		private static final List<Corruption> ANY = List.of(NONE, VALUE_TYPE, FORM_TYPE, FORM_RANDOM, CODEC_UNKNOWN,
				TTL_STRING, TTL_FRACTION_PAST, TTL_FRACTION_FUTURE, TTL_HUGE, DEFLATE_BOMB, CHUNKED_BOMB);

		static List<Corruption> forShape(Shape shape) {
			List<Corruption> possible = new ArrayList<>(ANY);
			switch (shape) {
				case PLAIN -> possible.add(VALUE_MISSING);
				case COMPRESSED -> possible.addAll(List.of(VALUE_MISSING, DEFLATE_TRUNCATED, DEFLATE_FLIPPED));
				case CHUNKED -> possible.addAll(CHUNKED_ONLY);
			}
			return possible;
		}

	}

	/**
	 * One item written, corrupted, and what a read of it may answer.
	 */
	private static final class Case {

		final byte[] key;

		final byte[] value;

		final Shape shape;

		Corruption corruption = Corruption.NONE;

		Expect expect = Expect.WRITTEN;

		byte[] decoded;

		Case foreign;

		Case(byte[] key, byte[] value, Shape shape) {
			this.key = key;
			this.value = value;
			this.shape = shape;
		}

		void expectDecoded(byte[] stored) {
			this.expect = Expect.DECODED;
			this.decoded = referenceInflate(stored);
		}

	}

}
