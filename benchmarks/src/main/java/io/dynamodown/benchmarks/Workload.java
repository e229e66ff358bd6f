package io.dynamodown.benchmarks;

import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;

/**
 * One benchmarked piece of work, done by dynamodown and by the raw SDK. A round is cut
 * into slices that the runner interleaves between the two sides (slice 1 of one side,
 * slice 1 of the other, slice 2, ...), so that load from outside the benchmark falls on
 * both sides alike: point operations are sliced by ten, bulk work and scans are one
 * slice.
 *
 * @param name the short name printed in the table
 * @param ops what one measured round does
 * @param floor the fewest requests DynamoDB allows for one round (DESIGN.md §8)
 * @param slices the number of slices of a round
 * @param dynamodown the dynamodown side
 * @param raw the raw SDK side
 */
record Workload(String name, String ops, long floor, int slices, Side dynamodown, Side raw) {

	/**
	 * One side of a workload.
	 *
	 * @param setup unmeasured preparation before each round (such as writing the items a
	 * round deletes)
	 * @param slice the measured work of one slice (from 0); returns a checksum of what it
	 * read (0 for writes), so the two sides can be checked to read equal data
	 */
	record Side(Runnable setup, IntToLongFunction slice) {

		/**
		 * A side of one slice and no setup.
		 * @param run the measured work
		 * @return the side
		 */
		static Side whole(LongSupplier run) {
			return whole(() -> {
			}, run);
		}

		/**
		 * A side of one slice.
		 * @param setup the unmeasured preparation
		 * @param run the measured work
		 * @return the side
		 */
		static Side whole(Runnable setup, LongSupplier run) {
			return new Side(setup, (slice) -> run.getAsLong());
		}

		/**
		 * A side doing {@code perSlice} operations per slice.
		 * @param setup the unmeasured preparation
		 * @param perSlice operations per slice
		 * @param count operations per round
		 * @param operation the operation of an index; returns a checksum of what it read
		 * @return the side
		 */
		static Side sliced(Runnable setup, int perSlice, int count, IntToLongFunction operation) {
			return new Side(setup, (slice) -> {
				long sum = 0;
				for (int i = slice * perSlice; i < Math.min(count, (slice + 1) * perSlice); i++) {
					sum = sum * 31 + operation.applyAsLong(i);
				}
				return sum;
			});
		}

	}

}
