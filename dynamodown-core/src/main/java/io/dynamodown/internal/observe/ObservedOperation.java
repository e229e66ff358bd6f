package io.dynamodown.internal.observe;

/**
 * The observation of one operation running on the current thread, from
 * {@link OperationObserver#start} until {@link #stop()} on the same thread.
 */
public interface ObservedOperation {

	/** The observation of an operation nothing observes. */
	ObservedOperation NONE = new ObservedOperation() {

		@Override
		public void failed(RuntimeException failure) {
		}

		@Override
		public void stop() {
		}

	};

	/**
	 * Records that the operation failed.
	 * @param failure the exception it ends with, as its caller sees it
	 */
	void failed(RuntimeException failure);

	/**
	 * Ends the observation and makes the operation current before it current again on
	 * this thread.
	 */
	void stop();

}
