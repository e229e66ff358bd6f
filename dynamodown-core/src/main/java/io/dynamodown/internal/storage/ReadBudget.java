package io.dynamodown.internal.storage;

import java.util.concurrent.Semaphore;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;

/**
 * The bytes of chunked values a store reads at once: a reader takes the stored length of
 * the values it reads (at most the whole budget) before it sends their chunk reads, and
 * gives it back once the values are assembled, so that many concurrent large reads share
 * DynamoDB's answers (and the heap) instead of all waiting past their attempt timeouts.
 * Readers wait their turn in arrival order; the wait is not a request and has no timeout
 * of its own (each holder's requests end within theirs).
 */
final class ReadBudget {

	private final int bytes;

	private final Semaphore available;

	/**
	 * Creates a budget.
	 * @param bytes the most stored bytes read at once, at least 1
	 */
	ReadBudget(long bytes) {
		this.bytes = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes));
		this.available = new Semaphore(this.bytes, true);
	}

	/**
	 * The most stored bytes read at once.
	 * @return the budget in bytes
	 */
	int bytes() {
		return this.bytes;
	}

	/**
	 * Takes bytes of the budget, waiting until they are free.
	 * @param wanted the stored bytes about to be read
	 * @return the permit, to close once they are assembled
	 * @throws StoreFailure {@link Kind#REQUEST_FAILED} when interrupted while waiting
	 */
	Permit take(long wanted) {
		int taken = (int) Math.min(this.bytes, Math.max(1, wanted));
		try {
			this.available.acquire(taken);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreFailure(Kind.REQUEST_FAILED, "interrupted while waiting to read " + wanted
					+ " bytes of large values (read budget " + this.bytes + " bytes)", ex);
		}
		return () -> this.available.release(taken);
	}

	/**
	 * Bytes taken from the budget.
	 */
	interface Permit extends AutoCloseable {

		@Override
		void close();

	}

}
