package io.dynamodown.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.dynamodown.Batch;
import io.dynamodown.Entry;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelIterator;
import io.dynamodown.Range;

/**
 * The workloads of the issue, each as a dynamodown side and a raw SDK side over their own
 * hash keys of one table. Point operations use hash keys {@code dyn}/{@code raw}; the
 * bulk load and scans {@code dyn-bulk}/{@code raw-bulk}; the clear
 * {@code dyn-clear}/{@code raw-clear} (equal lengths, so equal item sizes).
 */
final class Workloads {

	private static final int KB = 1024;

	private static final long MB = 1024 * 1024;

	private final BenchmarkOptions.Sizes sizes;

	private final Stores points;

	private final Stores bulk;

	private final Stores clear;

	private final LevelDb observed;

	private final Dataset pointData;

	private final Dataset bulkData;

	/**
	 * Creates the workloads.
	 * @param sizes how much work a round does
	 * @param points the stores for point operations
	 * @param bulk the stores for the bulk load and the scans
	 * @param clear the stores for the clear
	 * @param observed the store of {@code points} again, observed in a Micrometer
	 * registry
	 */
	Workloads(BenchmarkOptions.Sizes sizes, Stores points, Stores bulk, Stores clear, LevelDb observed) {
		this.sizes = sizes;
		this.points = points;
		this.bulk = bulk;
		this.clear = clear;
		this.observed = observed;
		this.pointData = Dataset.of('p', Math.max(sizes.singleOps(), sizes.getMany()), KB);
		this.bulkData = Dataset.of('b', sizes.bulk(), 200);
	}

	/**
	 * Writes, unmeasured, the items the read workloads read before the bulk load writes
	 * its own: the point items on both sides.
	 */
	void prepare() {
		write(this.points.dynamodown(), this.pointData);
		this.points.raw().batchPut(this.pointData.keys(), this.pointData.values());
	}

	/**
	 * Every workload, in the order they must run (the scans read what the bulk load
	 * wrote).
	 * @return the workloads
	 */
	List<Workload> all() {
		return List.of(get(this.points.dynamodown(), "get"), get(this.observed, "get-observed"), put(), delete(),
				putIfAbsent(), replace(), putIfAbsentVersusPutItem(), getMany(), atomicBatch(), bulkLoad(), scan(false),
				scan(true), limitRead(), clear());
	}

	private static final int SLICE = 10;

	private static final Runnable NO_SETUP = () -> {
	};

	private Workload get(LevelDb db, String name) {
		Dataset data = this.pointData.first(this.sizes.singleOps());
		RawSdkStore raw = this.points.raw();
		int n = data.size();
		return new Workload(name, n + " x get, 1 KB" + ((db == this.observed) ? ", observed" : ""), n, slices(n, SLICE),
				Workload.Side.sliced(NO_SETUP, SLICE, n,
						(i) -> db.get(data.keys().get(i)).map(Arrays::hashCode).orElse(0)),
				Workload.Side.sliced(NO_SETUP, SLICE, n, (i) -> {
					byte[] value = raw.get(data.keys().get(i));
					return (value != null) ? Arrays.hashCode(value) : 0;
				}));
	}

	private Workload put() {
		Dataset data = this.pointData.first(this.sizes.singleOps());
		LevelDb db = this.points.dynamodown();
		RawSdkStore raw = this.points.raw();
		int n = data.size();
		return new Workload("put", n + " x put, 1 KB", n, slices(n, SLICE),
				Workload.Side.sliced(NO_SETUP, SLICE, n, (i) -> {
					db.put(data.keys().get(i), data.values().get(i));
					return 0;
				}), Workload.Side.sliced(NO_SETUP, SLICE, n, (i) -> {
					raw.put(data.keys().get(i), data.values().get(i));
					return 0;
				}));
	}

	private Workload delete() {
		Dataset data = Dataset.of('d', this.sizes.singleOps(), KB);
		LevelDb db = this.points.dynamodown();
		RawSdkStore raw = this.points.raw();
		int n = data.size();
		return new Workload("delete", n + " x delete, 1 KB", n, slices(n, SLICE),
				Workload.Side.sliced(() -> write(db, data), SLICE, n, (i) -> {
					db.delete(data.keys().get(i));
					return 0;
				}), Workload.Side.sliced(() -> raw.batchPut(data.keys(), data.values()), SLICE, n, (i) -> {
					raw.delete(data.keys().get(i));
					return 0;
				}));
	}

	private Workload putIfAbsent() {
		Dataset data = Dataset.of('i', this.sizes.singleOps(), KB);
		LevelDb db = this.points.dynamodown();
		RawSdkStore raw = this.points.raw();
		int n = data.size();
		return new Workload("putIfAbsent", n + " x putIfAbsent (absent), 1 KB", n, slices(n, SLICE),
				Workload.Side.sliced(() -> delete(db, data), SLICE, n,
						(i) -> db.putIfAbsent(data.keys().get(i), data.values().get(i)).isPresent() ? 1 : 0),
				Workload.Side.sliced(() -> raw.batchDelete(data.keys()), SLICE, n,
						(i) -> (raw.putIfAbsentTransaction(data.keys().get(i), data.values().get(i)) != null) ? 1 : 0));
	}

	private Workload replace() {
		Dataset data = Dataset.of('r', this.sizes.singleOps(), KB);
		LevelDb db = this.points.dynamodown();
		RawSdkStore raw = this.points.raw();
		int n = data.size();
		byte[] next = Dataset.of('r', 1, KB).values().get(0).clone();
		next[0]++;
		return new Workload("replace", n + " x replace (holds), 1 KB", n, slices(n, SLICE),
				Workload.Side.sliced(() -> write(db, data), SLICE, n,
						(i) -> db.replace(data.keys().get(i), data.values().get(i), next) ? 1 : 0),
				Workload.Side.sliced(() -> raw.batchPut(data.keys(), data.values()), SLICE, n,
						(i) -> raw.replaceTransaction(data.keys().get(i), data.values().get(i), next) ? 1 : 0));
	}

	/**
	 * The price of exactness: dynamodown's putIfAbsent (a single-item transaction with a
	 * request token) beside the plain conditional {@code PutItem} a developer would
	 * write, which a lost answer turns into a false failure.
	 */
	private Workload putIfAbsentVersusPutItem() {
		Dataset data = Dataset.of('j', this.sizes.singleOps(), KB);
		LevelDb db = this.points.dynamodown();
		RawSdkStore raw = this.points.raw();
		int n = data.size();
		return new Workload("putIfAbsent/PutItem", n + " x putIfAbsent; raw: conditional PutItem", n, slices(n, SLICE),
				Workload.Side.sliced(() -> delete(db, data), SLICE, n,
						(i) -> db.putIfAbsent(data.keys().get(i), data.values().get(i)).isPresent() ? 1 : 0),
				Workload.Side.sliced(() -> raw.batchDelete(data.keys()), SLICE, n,
						(i) -> (raw.putIfAbsentPutItem(data.keys().get(i), data.values().get(i)) != null) ? 1 : 0));
	}

	private Workload getMany() {
		Dataset data = this.pointData.first(this.sizes.getMany());
		LevelDb db = this.points.dynamodown();
		RawSdkStore raw = this.points.raw();
		return new Workload("getMany", "1 x getMany(" + data.size() + "), 1 KB", ceil(data.size(), 100), 1,
				Workload.Side.whole(() -> {
					long sum = 0;
					for (Optional<byte[]> value : db.getMany(data.keys())) {
						sum = mix(sum, value.map(Arrays::hashCode).orElse(0));
					}
					return sum;
				}), Workload.Side.whole(() -> {
					long sum = 0;
					for (byte[] value : raw.getMany(data.keys())) {
						sum = mix(sum, (value != null) ? Arrays.hashCode(value) : 0);
					}
					return sum;
				}));
	}

	private Workload atomicBatch() {
		int batches = this.sizes.atomicBatches();
		Dataset data = Dataset.of('t', batches * 100, KB);
		LevelDb db = this.points.dynamodown();
		RawSdkStore raw = this.points.raw();
		return new Workload("batch", batches + " x atomic batch of 100 puts, 1 KB", batches, batches,
				Workload.Side.sliced(NO_SETUP, 1, batches, (b) -> {
					Batch batch = db.batch();
					for (int i = b * 100; i < (b + 1) * 100; i++) {
						batch.put(data.keys().get(i), data.values().get(i));
					}
					batch.write();
					return 0;
				}), Workload.Side.sliced(NO_SETUP, 1, batches, (b) -> {
					raw.transactPut(data.keys().subList(b * 100, (b + 1) * 100),
							data.values().subList(b * 100, (b + 1) * 100));
					return 0;
				}));
	}

	private Workload bulkLoad() {
		Dataset data = this.bulkData;
		LevelDb db = this.bulk.dynamodown();
		RawSdkStore raw = this.bulk.raw();
		return new Workload("bulk", "bulk load " + data.size() + " x 200 B", ceil(data.size(), 25), 1,
				Workload.Side.whole(() -> {
					write(db, data);
					return 0;
				}), Workload.Side.whole(() -> {
					raw.batchPut(data.keys(), data.values());
					return 0;
				}));
	}

	private Workload scan(boolean reverse) {
		Dataset data = this.bulkData;
		LevelDb db = this.bulk.dynamodown();
		RawSdkStore raw = this.bulk.raw();
		long floor = ceil(data.size() * data.itemBytes(db.hashKey()), MB);
		Range range = Range.all().reverse(reverse);
		return new Workload(reverse ? "scan-reverse" : "scan",
				(reverse ? "reverse" : "forward") + " scan of " + data.size() + " x 200 B", floor, 1,
				Workload.Side.whole(() -> consume(db, range)), Workload.Side.whole(() -> {
					long[] sum = new long[1];
					raw.scan(reverse, (key, value) -> sum[0] = mix(sum[0], key, value));
					return sum[0];
				}));
	}

	private Workload limitRead() {
		int reads = this.sizes.limitReads();
		byte[] middle = this.bulkData.keys().get(this.bulkData.size() / 2);
		LevelDb db = this.bulk.dynamodown();
		RawSdkStore raw = this.bulk.raw();
		Range range = Range.all().gte(middle).limit(10);
		return new Workload("limit-10", reads + " x range read, limit 10, middle", reads, slices(reads, SLICE),
				Workload.Side.sliced(NO_SETUP, SLICE, reads, (i) -> consume(db, range)),
				Workload.Side.sliced(NO_SETUP, SLICE, reads, (i) -> {
					long[] sum = new long[1];
					raw.readFrom(middle, 10, (key, value) -> sum[0] = mix(sum[0], key, value));
					return sum[0];
				}));
	}

	private Workload clear() {
		Dataset data = Dataset.of('c', this.sizes.clear(), 200);
		LevelDb db = this.clear.dynamodown();
		RawSdkStore raw = this.clear.raw();
		long floor = ceil(data.size() * data.itemBytes(db.hashKey()), MB) + ceil(data.size(), 25);
		return new Workload("clear", "clear " + data.size() + " x 200 B", floor, 1,
				Workload.Side.whole(() -> write(db, data), () -> {
					db.clear(Range.all());
					return 0;
				}), Workload.Side.whole(() -> raw.batchPut(data.keys(), data.values()), () -> {
					raw.clear();
					return 0;
				}));
	}

	private static long consume(LevelDb db, Range range) {
		long sum = 0;
		try (LevelIterator<Entry> entries = db.iterator(range)) {
			while (entries.hasNext()) {
				Entry entry = entries.next();
				sum = mix(sum, entry.key(), entry.value());
			}
		}
		return sum;
	}

	private static void write(LevelDb db, Dataset data) {
		Batch batch = db.bulk();
		for (int i = 0; i < data.size(); i++) {
			batch.put(data.keys().get(i), data.values().get(i));
		}
		batch.write();
	}

	private static void delete(LevelDb db, Dataset data) {
		Batch batch = db.bulk();
		data.keys().forEach(batch::delete);
		batch.write();
	}

	private static long mix(long sum, byte[] key, byte[] value) {
		return mix(mix(sum, Arrays.hashCode(key)), Arrays.hashCode(value));
	}

	private static long mix(long sum, int hash) {
		return sum * 31 + hash;
	}

	private static int slices(int count, int perSlice) {
		return (int) ceil(count, perSlice);
	}

	private static long ceil(long amount, long unit) {
		return (amount + unit - 1) / unit;
	}

	/**
	 * A dynamodown store and the raw SDK store over the matching hash key.
	 *
	 * @param dynamodown the dynamodown store
	 * @param raw the raw SDK side
	 */
	record Stores(LevelDb dynamodown, RawSdkStore raw) {

	}

}
