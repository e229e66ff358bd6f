package io.dynamodown.internal.request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dynamodown.metrics.RetryReason;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Receives the SDK's metrics of one API call (published on the calling thread when the
 * call ends) so that the attempts the SDK's retry strategy made inside it can be
 * reported: how each failed attempt ended and how long the SDK backed off before the
 * next.
 */
final class AttemptRecorder implements MetricPublisher {

	private @Nullable MetricCollection call;

	@Override
	public void publish(MetricCollection metrics) {
		this.call = metrics;
	}

	@Override
	public void close() {
	}

	/**
	 * The attempts that were retried, in order (every attempt but the last).
	 * @return why each attempt was retried and the back-off before the attempt after it
	 */
	List<RetriedAttempt> retriedAttempts() {
		if (this.call == null) {
			return List.of();
		}
		List<MetricCollection> attempts = this.call.children()
			.stream()
			.filter((child) -> "ApiCallAttempt".equals(child.name()))
			.toList();
		List<RetriedAttempt> retried = new ArrayList<>(Math.max(attempts.size() - 1, 0));
		for (int i = 0; i + 1 < attempts.size(); i++) {
			List<Duration> backoff = attempts.get(i + 1).metricValues(CoreMetric.BACKOFF_DELAY_DURATION);
			retried
				.add(new RetriedAttempt(reasonOf(attempts.get(i)), backoff.isEmpty() ? Duration.ZERO : backoff.get(0)));
		}
		return retried;
	}

	private static RetryReason reasonOf(MetricCollection attempt) {
		List<String> errorTypes = attempt.metricValues(CoreMetric.ERROR_TYPE);
		String errorType = errorTypes.isEmpty() ? "" : errorTypes.get(0);
		List<Integer> statuses = attempt.metricValues(HttpMetric.HTTP_STATUS_CODE);
		int status = statuses.isEmpty() ? 0 : statuses.get(0);
		return switch (errorType) {
			case "Throttling" -> RetryReason.THROTTLED;
			case "ServerError" -> (status >= 500) ? RetryReason.SERVER_ERROR : RetryReason.OTHER_ERROR;
			case "IO", "ConfiguredTimeout" -> RetryReason.IO_ERROR;
			default -> RetryReason.OTHER_ERROR;
		};
	}

	/**
	 * An attempt the SDK retried.
	 *
	 * @param reason how it ended
	 * @param backoff the delay before the next attempt
	 */
	record RetriedAttempt(RetryReason reason, Duration backoff) {

	}

}
