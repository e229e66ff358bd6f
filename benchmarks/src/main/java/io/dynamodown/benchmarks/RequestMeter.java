package io.dynamodown.benchmarks;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestListener;

/**
 * Counts DynamoDB requests and the capacity units they consumed. Thread-safe, since
 * dynamodown sends bulk writes, {@code getMany} and read-ahead from several threads. It
 * is dynamodown's {@link RequestListener}, and the sink of a {@link CountingInterceptor}
 * on an SDK client.
 */
final class RequestMeter implements RequestListener {

	private final LongAdder requests = new LongAdder();

	private final DoubleAdder capacity = new DoubleAdder();

	@Override
	public void onRequest(RequestEvent event) {
		record(event.readCapacity() + event.writeCapacity());
	}

	/**
	 * Records one request.
	 * @param capacityUnits the read and write capacity units it consumed
	 */
	void record(double capacityUnits) {
		this.requests.increment();
		this.capacity.add(capacityUnits);
	}

	/**
	 * Forgets everything recorded so far.
	 */
	void reset() {
		this.requests.reset();
		this.capacity.reset();
	}

	/**
	 * What was recorded since the last reset.
	 * @return the reading
	 */
	Reading read() {
		return new Reading(this.requests.sum(), this.capacity.sum());
	}

	/**
	 * Requests and consumed capacity over an interval.
	 *
	 * @param requests the number of requests
	 * @param capacity the capacity units consumed, reads and writes together
	 */
	record Reading(long requests, double capacity) {

	}

}
