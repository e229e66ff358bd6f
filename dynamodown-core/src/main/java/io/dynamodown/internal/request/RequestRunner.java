package io.dynamodown.internal.request;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import io.dynamodown.metrics.ChangesLostEvent;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.MalformedItemEvent;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.metrics.RequestOutcome;
import io.dynamodown.metrics.RetryEvent;
import io.dynamodown.metrics.RetryReason;
import io.dynamodown.internal.observe.CurrentOperation;
import io.dynamodown.internal.observe.OperationTally;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * The one place that sends DynamoDB requests for a store: sets the request's override
 * configuration (its attempt and total timeouts, and the SDK metrics), times the call,
 * reports it to the {@link RequestListener} with its consumed capacity and outcome (and
 * the attempts the SDK retried inside it), and turns an SDK failure into a
 * {@link io.dynamodown.internal.failure.StoreFailure} with the AWS cause attached.
 */
public final class RequestRunner {

	private final DynamoDbClient client;

	private final String table;

	private final RequestListener listener;

	private final Timeouts timeouts;

	/**
	 * The override configuration of every request when nobody listens: the timeouts
	 * alone, built once, since without a listener nobody reads the SDK's metrics.
	 */
	private final AwsRequestOverrideConfiguration unobserved;

	/**
	 * Creates the runner for a table.
	 * @param client the DynamoDB client
	 * @param table the table name, for events and messages
	 * @param listener notified of every request
	 * @param timeouts the deadlines of every request
	 */
	public RequestRunner(DynamoDbClient client, String table, RequestListener listener, Timeouts timeouts) {
		this.client = client;
		this.table = table;
		this.listener = listener;
		this.timeouts = timeouts;
		this.unobserved = withTimeouts().build();
	}

	/**
	 * Whether another runner sends through the same client.
	 * @param other the other runner
	 * @return {@code true} when both use one client
	 */
	public boolean sameClient(RequestRunner other) {
		return this.client == other.client;
	}

	/**
	 * Reports a stored item that an operation skipped because it could not read it.
	 * @param operation the store operation
	 * @param key the full key of the item, or of the chunk's owner
	 * @param problem what is wrong with it
	 */
	public void reportMalformed(String operation, byte[] key, String problem) {
		this.listener
			.onMalformedItem(new MalformedItemEvent(operation, this.table, HexFormat.of().formatHex(key), problem));
	}

	/**
	 * Reports changes a subscription could not deliver because the stream no longer holds
	 * them.
	 * @param consumer the consumer name
	 * @param shardId the shard, or the replaced stream's ARN
	 * @param reason what was lost
	 */
	public void reportChangesLost(String consumer, String shardId, String reason) {
		this.listener.onChangesLost(new ChangesLostEvent(this.table, consumer, shardId, reason));
	}

	/**
	 * Sends one request.
	 * @param <Q> the request type
	 * @param <R> the response type
	 * @param operation the kind of request
	 * @param request the request
	 * @return the response
	 * @throws io.dynamodown.internal.failure.StoreFailure when the call fails
	 */
	public <Q, R> R run(Operation<DynamoDbClient, Q, R> operation, Q request) {
		return run(this.client, operation, request);
	}

	/**
	 * Sends one request through another client of the same account and settings (the
	 * change feed's DynamoDB Streams client), timed, reported and translated as every
	 * other.
	 * @param <C> the client type
	 * @param <Q> the request type
	 * @param <R> the response type
	 * @param client the client
	 * @param operation the kind of request
	 * @param request the request
	 * @return the response
	 * @throws io.dynamodown.internal.failure.StoreFailure when the call fails
	 */
	public <C, Q, R> R run(C client, Operation<C, Q, R> operation, Q request) {
		AttemptRecorder attempts = new AttemptRecorder();
		AwsRequestOverrideConfiguration override = (this.listener != RequestListener.NONE)
				? withTimeouts().addMetricPublisher(attempts).build() : this.unobserved;
		long start = System.nanoTime();
		R response;
		try {
			response = operation.send(client, request, override);
		}
		catch (SdkException ex) {
			reportRetries(operation, attempts);
			RequestOutcome outcome = Failures.outcomeOf(ex);
			report(operation, List.of(), start, outcome, 0);
			throw Failures.translate(operation, this.table, ex, outcome, this.timeouts);
		}
		reportRetries(operation, attempts);
		report(operation, operation.capacity(response), start, RequestOutcome.SUCCESS, operation.unprocessed(response));
		return response;
	}

	private AwsRequestOverrideConfiguration.Builder withTimeouts() {
		return AwsRequestOverrideConfiguration.builder()
			.apiCallAttemptTimeout(this.timeouts.attempt())
			.apiCallTimeout(this.timeouts.total());
	}

	/**
	 * Reports a retry the store is about to make.
	 * @param operation the operation retried
	 * @param attempt the attempt about to be made
	 * @param reason why
	 * @param delay the back-off before it
	 */
	public void retrying(String operation, int attempt, RetryReason reason, Duration delay) {
		this.listener.onRetry(new RetryEvent(operation, this.table, attempt, reason, delay));
	}

	private void reportRetries(Operation<?, ?, ?> operation, AttemptRecorder attempts) {
		int attempt = 2;
		for (AttemptRecorder.RetriedAttempt retried : attempts.retriedAttempts()) {
			retrying(operation.name(), attempt++, retried.reason(), retried.backoff());
		}
	}

	private void report(Operation<?, ?, ?> operation, List<ConsumedCapacity> capacities, long start,
			RequestOutcome outcome, int unprocessed) {
		double read = 0;
		double write = 0;
		for (ConsumedCapacity capacity : capacities) {
			if (capacity.readCapacityUnits() != null || capacity.writeCapacityUnits() != null) {
				read += orZero(capacity.readCapacityUnits());
				write += orZero(capacity.writeCapacityUnits());
			}
			else if (operation.writes()) {
				write += orZero(capacity.capacityUnits());
			}
			else {
				read += orZero(capacity.capacityUnits());
			}
		}
		OperationTally tally = CurrentOperation.get();
		if (tally != null) {
			tally.addRequest(read, write);
		}
		this.listener.onRequest(new RequestEvent(operation.name(), this.table, read, write,
				Duration.ofNanos(System.nanoTime() - start), outcome, unprocessed));
	}

	private static double orZero(@Nullable Double units) {
		return (units != null) ? units : 0;
	}

}
