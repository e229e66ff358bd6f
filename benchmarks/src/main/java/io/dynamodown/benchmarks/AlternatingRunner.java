package io.dynamodown.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs a workload in rounds that alternate the two sides (dynamodown, raw SDK,
 * dynamodown, raw SDK, ...) in one JVM against one server: first unmeasured warm-up
 * rounds, then measured ones. Each side's setup runs before its round, unmeasured; the
 * meters are reset after it. Both sides must read equal data (equal checksums), and
 * dynamodown's listener must count what its client's interceptor saw.
 */
final class AlternatingRunner {

	private final BenchmarkOptions options;

	private final RequestMeter dynamodownListener;

	private final RequestMeter dynamodownWire;

	private final RequestMeter rawWire;

	private final PrintStream log;

	/**
	 * Creates a runner.
	 * @param options rounds and warm-ups
	 * @param dynamodownListener dynamodown's request listener
	 * @param dynamodownWire the interceptor's meter on dynamodown's client (a
	 * cross-check)
	 * @param rawWire the interceptor's meter on the raw SDK's client
	 * @param log where progress is printed
	 */
	AlternatingRunner(BenchmarkOptions options, RequestMeter dynamodownListener, RequestMeter dynamodownWire,
			RequestMeter rawWire, PrintStream log) {
		this.options = options;
		this.dynamodownListener = dynamodownListener;
		this.dynamodownWire = dynamodownWire;
		this.rawWire = rawWire;
		this.log = log;
	}

	/**
	 * Runs a workload.
	 * @param workload the workload
	 * @return its median times and per-round requests and capacity
	 * @throws IllegalStateException when the sides read different data or dynamodown's
	 * listener and its client disagree on the request count
	 */
	Result run(Workload workload) {
		for (int i = 0; i < this.options.warmups(); i++) {
			measure(workload.dynamodown(), this.dynamodownListener);
			measure(workload.raw(), this.rawWire);
		}
		int rounds = this.options.rounds();
		long[] dynamodownTimes = new long[rounds];
		long[] rawTimes = new long[rounds];
		Round dynamodown = null;
		Round raw = null;
		for (int i = 0; i < rounds; i++) {
			dynamodown = measure(workload.dynamodown(), this.dynamodownListener);
			RequestMeter.Reading wire = this.dynamodownWire.read();
			raw = measure(workload.raw(), this.rawWire);
			dynamodownTimes[i] = dynamodown.nanos();
			rawTimes[i] = raw.nanos();
			check(workload, dynamodown, raw, wire);
			this.log.printf(Locale.ROOT,
					"%-13s round %d: dynamodown %9.1f ms %6d requests | raw SDK %9.1f ms %6d requests%n",
					workload.name(), i + 1, dynamodown.nanos() / 1e6, dynamodown.meter().requests(), raw.nanos() / 1e6,
					raw.meter().requests());
		}
		return new Result(workload.name(), workload.ops(), workload.floor(), median(dynamodownTimes), median(rawTimes),
				dynamodown.meter().requests(), raw.meter().requests(), dynamodown.meter().capacity(),
				raw.meter().capacity());
	}

	private Round measure(Workload.Side side, RequestMeter meter) {
		side.setup().run();
		meter.reset();
		this.dynamodownWire.reset();
		long start = System.nanoTime();
		long checksum = side.run().getAsLong();
		long nanos = System.nanoTime() - start;
		return new Round(nanos, checksum, meter.read());
	}

	private static void check(Workload workload, Round dynamodown, Round raw, RequestMeter.Reading wire) {
		if (dynamodown.checksum() != raw.checksum()) {
			throw new IllegalStateException(workload.name() + ": dynamodown and the raw SDK read different data");
		}
		if (wire.requests() != dynamodown.meter().requests()) {
			throw new IllegalStateException(workload.name() + ": dynamodown's listener counted "
					+ dynamodown.meter().requests() + " requests, its client sent " + wire.requests());
		}
	}

	static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private record Round(long nanos, long checksum, RequestMeter.Reading meter) {

	}

}
