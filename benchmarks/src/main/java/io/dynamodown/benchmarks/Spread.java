package io.dynamodown.benchmarks;

import java.util.Arrays;

/**
 * The median, minimum and maximum of repeated measurements.
 *
 * @param count how many measurements
 * @param median the median (of an even count, the mean of the middle two, rounded down)
 * @param min the smallest
 * @param max the largest
 */
record Spread(int count, long median, long min, long max) {

	/**
	 * Summarises measurements.
	 * @param values the measurements, in any order
	 * @return their spread
	 * @throws IllegalArgumentException if there are none
	 */
	static Spread of(long... values) {
		if (values.length == 0) {
			throw new IllegalArgumentException("a spread needs at least one value");
		}
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return new Spread(sorted.length, AlternatingRunner.median(sorted), sorted[0], sorted[sorted.length - 1]);
	}

}
