package io.dynamodown.benchmarks;

import java.util.function.LongSupplier;

/**
 * One benchmarked piece of work, done by dynamodown and by the raw SDK.
 *
 * @param name the short name printed in the table
 * @param ops what one measured round does
 * @param floor the fewest requests DynamoDB allows for one round (DESIGN.md §8)
 * @param dynamodown the dynamodown side
 * @param raw the raw SDK side
 */
record Workload(String name, String ops, long floor, Side dynamodown, Side raw) {

	/**
	 * One side of a workload.
	 *
	 * @param setup unmeasured preparation before each round (such as writing the items a
	 * round deletes)
	 * @param run the measured work; returns a checksum of what it read (0 for writes), so
	 * the two sides can be checked to read equal data
	 */
	record Side(Runnable setup, LongSupplier run) {

		/**
		 * A side without setup.
		 * @param run the measured work
		 * @return the side
		 */
		static Side of(LongSupplier run) {
			return new Side(() -> {
			}, run);
		}

	}

}
