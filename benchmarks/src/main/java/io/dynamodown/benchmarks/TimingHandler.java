package io.dynamodown.benchmarks;

import java.util.concurrent.atomic.LongAdder;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Times every observation, standing for the timer a metrics handler records: the start
 * time goes into the context, the elapsed time into a sum.
 */
final class TimingHandler implements ObservationHandler<Observation.Context> {

	private static final String START = TimingHandler.class.getName();

	private final LongAdder nanos = new LongAdder();

	private final LongAdder count = new LongAdder();

	@Override
	public void onStart(Observation.Context context) {
		context.put(START, System.nanoTime());
	}

	@Override
	public void onStop(Observation.Context context) {
		Long start = context.get(START);
		if (start != null) {
			this.nanos.add(System.nanoTime() - start);
			this.count.increment();
		}
	}

	/**
	 * The observations timed.
	 * @return their count
	 */
	long count() {
		return this.count.sum();
	}

	/**
	 * The time they took together.
	 * @return nanoseconds
	 */
	long nanos() {
		return this.nanos.sum();
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return true;
	}

}
