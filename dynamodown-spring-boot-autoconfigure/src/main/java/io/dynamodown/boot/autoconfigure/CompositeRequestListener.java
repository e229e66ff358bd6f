package io.dynamodown.boot.autoconfigure;

import java.util.List;

import io.dynamodown.metrics.ChangesLostEvent;
import io.dynamodown.metrics.MalformedItemEvent;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.metrics.RetryEvent;

/**
 * A {@link RequestListener} that notifies several others in order.
 */
final class CompositeRequestListener implements RequestListener {

	private final List<RequestListener> listeners;

	private CompositeRequestListener(List<RequestListener> listeners) {
		this.listeners = listeners;
	}

	static RequestListener of(List<RequestListener> listeners) {
		return switch (listeners.size()) {
			case 0 -> RequestListener.NONE;
			case 1 -> listeners.get(0);
			default -> new CompositeRequestListener(List.copyOf(listeners));
		};
	}

	@Override
	public void onRequest(RequestEvent event) {
		for (RequestListener listener : this.listeners) {
			listener.onRequest(event);
		}
	}

	@Override
	public void onRetry(RetryEvent event) {
		for (RequestListener listener : this.listeners) {
			listener.onRetry(event);
		}
	}

	@Override
	public void onMalformedItem(MalformedItemEvent event) {
		for (RequestListener listener : this.listeners) {
			listener.onMalformedItem(event);
		}
	}

	@Override
	public void onChangesLost(ChangesLostEvent event) {
		for (RequestListener listener : this.listeners) {
			listener.onChangesLost(event);
		}
	}

}
