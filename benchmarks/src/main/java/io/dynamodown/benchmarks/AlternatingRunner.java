package io.dynamodown.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs a workload in rounds, in one JVM against one server: first unmeasured warm-up
 * rounds, then measured ones. Within a round the two sides alternate slice by slice (A/B,
 * B/A, A/B, ...; see {@link Workload}), so outside load falls on both alike. The setups
 * run before the round, unmeasured; the meters are reset after them. Both sides must read
 * equal data (equal checksums), and dynamodown's listener must count what its client's
 * interceptor saw.
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
			round(workload, i);
		}
		int rounds = this.options.rounds();
		long[] dynamodownTimes = new long[rounds];
		long[] rawTimes = new long[rounds];
		Round round = round(workload, this.options.warmups());
		for (int i = 0; i < rounds; i++) {
			if (i > 0) {
				round = round(workload, this.options.warmups() + i);
			}
			dynamodownTimes[i] = round.dynamodownNanos();
			rawTimes[i] = round.rawNanos();
			this.log.printf(Locale.ROOT,
					"%-13s round %d: dynamodown %9.1f ms %6d requests | raw SDK %9.1f ms %6d requests%n",
					workload.name(), i + 1, round.dynamodownNanos() / 1e6, round.dynamodown().requests(),
					round.rawNanos() / 1e6, round.raw().requests());
		}
		return new Result(workload.name(), workload.ops(), workload.floor(), median(dynamodownTimes), median(rawTimes),
				round.dynamodown().requests(), round.raw().requests(), round.dynamodown().capacity(),
				round.raw().capacity());
	}

	/**
	 * One round: both setups, then the slices of both sides interleaved, the side going
	 * first alternating from slice to slice and, for workloads of one slice, from round
	 * to round.
	 */
	private Round round(Workload workload, int number) {
		workload.dynamodown().setup().run();
		workload.raw().setup().run();
		this.dynamodownListener.reset();
		this.dynamodownWire.reset();
		this.rawWire.reset();
		long[] nanos = new long[2];
		long[] checksums = new long[2];
		for (int slice = 0; slice < workload.slices(); slice++) {
			for (int turn = 0; turn < 2; turn++) {
				int side = (number + slice + turn) % 2;
				Workload.Side work = (side == 0) ? workload.dynamodown() : workload.raw();
				long start = System.nanoTime();
				long checksum = work.slice().applyAsLong(slice);
				nanos[side] += System.nanoTime() - start;
				checksums[side] = checksums[side] * 31 + checksum;
			}
		}
		Round round = new Round(nanos[0], nanos[1], this.dynamodownListener.read(), this.rawWire.read());
		if (checksums[0] != checksums[1]) {
			throw new IllegalStateException(workload.name() + ": dynamodown and the raw SDK read different data");
		}
		long sent = this.dynamodownWire.read().requests();
		if (sent != round.dynamodown().requests()) {
			throw new IllegalStateException(workload.name() + ": dynamodown's listener counted "
					+ round.dynamodown().requests() + " requests, its client sent " + sent);
		}
		return round;
	}

	static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private record Round(long dynamodownNanos, long rawNanos, RequestMeter.Reading dynamodown,
			RequestMeter.Reading raw) {

	}

}
