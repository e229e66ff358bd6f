package io.dynamodown.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestListener;

/**
 * Counts a store's requests by DynamoDB operation. Thread-safe: a subscription sends from
 * two threads of its own.
 */
final class OperationCounter implements RequestListener {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	@Override
	public void onRequest(RequestEvent event) {
		this.counts.computeIfAbsent(event.operation(), (operation) -> new LongAdder()).increment();
	}

	/**
	 * Forgets every count.
	 */
	void reset() {
		this.counts.clear();
	}

	/**
	 * The counts since the last reset.
	 * @return requests by operation, sorted by name
	 */
	Map<String, Long> counts() {
		Map<String, Long> counts = new TreeMap<>();
		this.counts.forEach((operation, count) -> counts.put(operation, count.sum()));
		return counts;
	}

	/**
	 * All requests since the last reset.
	 * @return the total
	 */
	long total() {
		return this.counts.values().stream().mapToLong(LongAdder::sum).sum();
	}

}
