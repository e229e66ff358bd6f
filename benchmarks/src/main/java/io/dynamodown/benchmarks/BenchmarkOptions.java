package io.dynamodown.benchmarks;

import java.time.Duration;
import java.util.Set;

/**
 * The command line:
 * {@code [--quick] [--rounds N] [--warmup N] [--only a,b] [--latency-ms N]}.
 *
 * @param sizes the workload sizes
 * @param rounds measured rounds per side and workload (the median is reported)
 * @param warmups unmeasured rounds per side and workload before the measured ones
 * @param only the names of the workloads to run; empty for all (the bulk load always runs
 * when a scan or the limit read is chosen, as they read its items); the measurements of
 * the server itself ({@link #SERVER_MEASUREMENTS}) and the sharding measurements
 * ({@link #SHARDING}) run only when named here
 * @param latency a delay added before every request of both sides, to stand for a network
 * round trip to DynamoDB ({@code ZERO}: none)
 */
record BenchmarkOptions(Sizes sizes, int rounds, int warmups, Set<String> only, Duration latency) {

	/**
	 * The measurements of the embedded server itself rather than of a workload: cold
	 * starts in fresh JVMs, restarts in this one, and requests per second.
	 */
	static final Set<String> SERVER_MEASUREMENTS = Set.of("server-start", "server-restart", "server-throughput");

	/**
	 * The measurements of sharded databases ({@link ShardingBenchmark}), on servers of
	 * their own, with and without per-partition caps.
	 */
	static final String SHARDING = "sharding";

	private static final String USAGE = "usage: [--quick] [--rounds N] [--warmup N] [--only workload,...] "
			+ "[--latency-ms N]";

	/**
	 * Parses the command line.
	 * @param args the arguments
	 * @return the options
	 * @throws IllegalArgumentException for an unknown argument or a bad number
	 */
	static BenchmarkOptions parse(String... args) {
		Sizes sizes = Sizes.FULL;
		int rounds = 3;
		int warmups = 1;
		Set<String> only = Set.of();
		Duration latency = Duration.ZERO;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--quick" -> sizes = Sizes.QUICK;
				case "--rounds" -> rounds = number(args, ++i, 1);
				case "--warmup" -> warmups = number(args, ++i, 0);
				case "--only" -> only = Set.of(value(args, ++i).split(","));
				case "--latency-ms" -> latency = Duration.ofMillis(number(args, ++i, 0));
				default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
			}
		}
		return new BenchmarkOptions(sizes, rounds, warmups, only, latency);
	}

	/**
	 * Whether a workload is to run.
	 * @param workload the workload's name
	 * @return {@code true} when no selection was made or it names the workload
	 */
	boolean selects(String workload) {
		return this.only.isEmpty() || this.only.contains(workload);
	}

	/**
	 * Whether a measurement of the server itself is to run.
	 * @param measurement one of {@link #SERVER_MEASUREMENTS}
	 * @return {@code true} only when {@code --only} names it
	 */
	boolean measuresServer(String measurement) {
		return this.only.contains(measurement);
	}

	/**
	 * Whether the sharding measurements are to run.
	 * @return {@code true} only when {@code --only} names {@value #SHARDING}
	 */
	boolean measuresSharding() {
		return this.only.contains(SHARDING);
	}

	/**
	 * Whether any workload is to run, and so the shared server and the stores are needed.
	 * @return {@code false} when {@code --only} names nothing but server and sharding
	 * measurements
	 */
	boolean runsWorkloads() {
		return this.only.isEmpty()
				|| !this.only.stream().allMatch((name) -> SERVER_MEASUREMENTS.contains(name) || SHARDING.equals(name));
	}

	private static String value(String[] args, int index) {
		if (index >= args.length) {
			throw new IllegalArgumentException(args[index - 1] + " needs a value; " + USAGE);
		}
		return args[index];
	}

	private static int number(String[] args, int index, int min) {
		int value = Integer.parseInt(value(args, index));
		if (value < min) {
			throw new IllegalArgumentException(args[index - 1] + " must be at least " + min + ", was " + value);
		}
		return value;
	}

	/**
	 * How much work each workload does in one round.
	 *
	 * @param singleOps gets, puts and deletes
	 * @param getMany keys of the {@code getMany}
	 * @param atomicBatches atomic batches of 100 puts
	 * @param bulk items of the bulk load, later scanned
	 * @param limitReads limit-10 range reads
	 * @param clear items cleared
	 * @param coldStarts fresh JVMs started for {@code server-start}
	 * @param restarts start-and-close cycles of {@code server-restart}
	 * @param throughputRound how long one round of {@code server-throughput} sends one
	 * operation
	 */
	record Sizes(int singleOps, int getMany, int atomicBatches, int bulk, int limitReads, int clear, int coldStarts,
			int restarts, Duration throughputRound) {

		/**
		 * The sizes of the issue: 1,000 single ops, 50,000 items bulk-loaded and so on; 7
		 * cold starts, 30 restarts, throughput rounds of 3 seconds.
		 */
		static final Sizes FULL = new Sizes(1000, 1000, 20, 50_000, 200, 10_000, 7, 30, Duration.ofSeconds(3));

		/** A tenth or so, to try the benchmark out quickly. */
		static final Sizes QUICK = new Sizes(100, 200, 5, 5000, 50, 1000, 3, 10, Duration.ofSeconds(1));

	}

}
