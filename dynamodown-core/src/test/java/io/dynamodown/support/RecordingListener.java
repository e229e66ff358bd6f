package io.dynamodown.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dynamodown.metrics.ChangesLostEvent;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.metrics.RetryEvent;

/**
 * Records every request and retry a store reports, to count them in tests.
 */
public final class RecordingListener implements RequestListener {

	private final List<RequestEvent> requests = new CopyOnWriteArrayList<>();

	private final List<RetryEvent> retries = new CopyOnWriteArrayList<>();

	private final List<ChangesLostEvent> lost = new CopyOnWriteArrayList<>();

	@Override
	public void onRequest(RequestEvent event) {
		this.requests.add(event);
	}

	@Override
	public void onRetry(RetryEvent event) {
		this.retries.add(event);
	}

	@Override
	public void onChangesLost(ChangesLostEvent event) {
		this.lost.add(event);
	}

	public List<ChangesLostEvent> lost() {
		return List.copyOf(this.lost);
	}

	public List<RequestEvent> requests() {
		return List.copyOf(this.requests);
	}

	public List<RetryEvent> retries() {
		return List.copyOf(this.retries);
	}

	public long count(String operation) {
		return this.requests.stream().filter((event) -> event.operation().equals(operation)).count();
	}

	public int total() {
		return this.requests.size();
	}

	public void reset() {
		this.requests.clear();
		this.retries.clear();
		this.lost.clear();
	}

}
