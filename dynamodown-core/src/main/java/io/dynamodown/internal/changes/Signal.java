package io.dynamodown.internal.changes;

/**
 * Wakes a feed thread that waits for its next poll, round or back-off: when there is work
 * (a shard acquired, a shard ended) or the subscription stops.
 */
final class Signal {

	private boolean raised;

	/**
	 * Wakes the waiting thread, or the next one to wait.
	 */
	synchronized void raise() {
		this.raised = true;
		notifyAll();
	}

	/**
	 * Waits until raised or the time is up, then lowers the signal.
	 * @param nanos the longest wait
	 */
	synchronized void await(long nanos) {
		long end = System.nanoTime() + nanos;
		long left = nanos;
		try {
			while (!this.raised && left > 0) {
				wait(Math.max(1, left / 1_000_000), 0);
				left = end - System.nanoTime();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.raised = false;
	}

}
