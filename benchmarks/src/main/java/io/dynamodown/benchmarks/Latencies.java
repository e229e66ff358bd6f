package io.dynamodown.benchmarks;

import java.util.Arrays;

/**
 * The distribution of measured latencies: median, 99th percentile and maximum, by the
 * nearest-rank method (the p-th percentile of n sorted values is the value of rank ⌈p/100
 * × n⌉).
 *
 * @param count how many latencies
 * @param median the 50th percentile
 * @param p99 the 99th percentile
 * @param max the largest
 */
record Latencies(int count, long median, long p99, long max) {

	/**
	 * Summarises latencies.
	 * @param values the latencies, in any order and unit
	 * @return their distribution, in the same unit
	 * @throws IllegalArgumentException if there are none
	 */
	static Latencies of(long... values) {
		if (values.length == 0) {
			throw new IllegalArgumentException("a distribution needs at least one value");
		}
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return new Latencies(sorted.length, rank(sorted, 50), rank(sorted, 99), sorted[sorted.length - 1]);
	}

	private static long rank(long[] sorted, int percentile) {
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

}
