package io.dynamodown.storage;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDbException;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.metrics.RequestOutcome;
import io.dynamodown.metrics.RetryEvent;
import io.dynamodown.metrics.RetryReason;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs DynamoDB calls for one table: times each, reports it to the
 * {@link RequestListener} with its consumed capacity and outcome, and turns an SDK
 * failure into a {@link LevelDbException} with the AWS cause attached.
 */
public final class Requests {

	/**
	 * Without a listener nobody reads the SDK's metrics, so none are collected.
	 */
	private static final AwsRequestOverrideConfiguration NO_OVERRIDE = AwsRequestOverrideConfiguration.builder()
		.build();

	private final String table;

	private final RequestListener listener;

	/**
	 * Creates the runner for a table.
	 * @param table the table name, for events and messages
	 * @param listener notified of every request
	 */
	public Requests(String table, RequestListener listener) {
		this.table = table;
		this.listener = listener;
	}

	/**
	 * Runs one call.
	 * @param <R> the response type
	 * @param operation the DynamoDB operation name
	 * @param call the call, given the override configuration to set on its request (it
	 * lets the SDK report the attempts of its own retry strategy)
	 * @return the response
	 * @throws LevelDbException when the call fails
	 */
	public <R extends DynamoDbResponse> R call(String operation, Function<AwsRequestOverrideConfiguration, R> call) {
		return call(operation, call, (response) -> 0);
	}

	/**
	 * Runs one call whose answer may leave items or keys unprocessed.
	 * @param <R> the response type
	 * @param operation the DynamoDB operation name
	 * @param call the call, given the override configuration to set on its request (it
	 * lets the SDK report the attempts of its own retry strategy)
	 * @param unprocessed counts the items or keys the response left unprocessed
	 * @return the response
	 * @throws LevelDbException when the call fails
	 */
	public <R extends DynamoDbResponse> R call(String operation, Function<AwsRequestOverrideConfiguration, R> call,
			ToIntFunction<R> unprocessed) {
		AttemptRecorder attempts = new AttemptRecorder();
		AwsRequestOverrideConfiguration override = (this.listener != RequestListener.NONE)
				? AwsRequestOverrideConfiguration.builder().addMetricPublisher(attempts).build() : NO_OVERRIDE;
		long start = System.nanoTime();
		R response;
		try {
			response = call.apply(override);
		}
		catch (SdkException ex) {
			reportRetries(operation, attempts);
			RequestOutcome outcome = outcomeOf(ex);
			report(operation, List.of(), start, outcome, 0);
			throw translate(operation, ex, outcome);
		}
		reportRetries(operation, attempts);
		report(operation, capacityOf(response), start, RequestOutcome.SUCCESS, unprocessed.applyAsInt(response));
		return response;
	}

	private void reportRetries(String operation, AttemptRecorder attempts) {
		int attempt = 2;
		for (AttemptRecorder.RetriedAttempt retried : attempts.retriedAttempts()) {
			retrying(operation, attempt++, retried.reason(), retried.backoff());
		}
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

	/**
	 * The table these requests go to.
	 * @return the table name
	 */
	public String table() {
		return this.table;
	}

	private void report(String operation, List<ConsumedCapacity> capacities, long start, RequestOutcome outcome,
			int unprocessed) {
		double read = 0;
		double write = 0;
		boolean writes = isWrite(operation);
		for (ConsumedCapacity capacity : capacities) {
			double total = (capacity.capacityUnits() != null) ? capacity.capacityUnits() : 0;
			if (capacity.readCapacityUnits() != null || capacity.writeCapacityUnits() != null) {
				read += (capacity.readCapacityUnits() != null) ? capacity.readCapacityUnits() : 0;
				write += (capacity.writeCapacityUnits() != null) ? capacity.writeCapacityUnits() : 0;
			}
			else if (writes) {
				write += total;
			}
			else {
				read += total;
			}
		}
		this.listener.onRequest(new RequestEvent(operation, this.table, read, write,
				Duration.ofNanos(System.nanoTime() - start), outcome, unprocessed));
	}

	private static boolean isWrite(String operation) {
		return switch (operation) {
			case "PutItem", "DeleteItem", "UpdateItem", "BatchWriteItem", "TransactWriteItems" -> true;
			default -> false;
		};
	}

	private static List<ConsumedCapacity> capacityOf(DynamoDbResponse response) {
		if (response instanceof GetItemResponse get) {
			return listOf(get.consumedCapacity());
		}
		if (response instanceof PutItemResponse put) {
			return listOf(put.consumedCapacity());
		}
		if (response instanceof DeleteItemResponse delete) {
			return listOf(delete.consumedCapacity());
		}
		if (response instanceof QueryResponse query) {
			return listOf(query.consumedCapacity());
		}
		if (response instanceof BatchGetItemResponse batchGet) {
			return batchGet.consumedCapacity();
		}
		if (response instanceof BatchWriteItemResponse batchWrite) {
			return batchWrite.consumedCapacity();
		}
		if (response instanceof TransactWriteItemsResponse transact) {
			return transact.consumedCapacity();
		}
		return List.of();
	}

	private static List<ConsumedCapacity> listOf(ConsumedCapacity capacity) {
		return (capacity != null) ? List.of(capacity) : List.of();
	}

	static RequestOutcome outcomeOf(SdkException ex) {
		if (ex.retryable() && !(ex instanceof AwsServiceException)) {
			return RequestOutcome.IO_ERROR;
		}
		if (ex instanceof AwsServiceException service) {
			if (service.isThrottlingException()) {
				return RequestOutcome.THROTTLED;
			}
			return (service.statusCode() >= 500) ? RequestOutcome.SERVER_ERROR : RequestOutcome.CLIENT_ERROR;
		}
		return RequestOutcome.IO_ERROR;
	}

	private LevelDbException translate(String operation, SdkException ex, RequestOutcome outcome) {
		String where = operation + " on table '" + this.table + "' failed";
		if (ex instanceof ResourceNotFoundException) {
			return new LevelDbException(ErrorCode.TABLE_MISSING, where + ": the table does not exist", ex);
		}
		if (ex instanceof TransactionCanceledException cancelled) {
			return new LevelDbException(ErrorCode.TRANSACTION_CANCELLED,
					where + ": transaction cancelled, none of its writes happened (" + reasons(cancelled) + ")", ex);
		}
		if (outcome == RequestOutcome.THROTTLED) {
			return new LevelDbException(ErrorCode.THROTTLED, where + ": still throttled after the SDK's retries", ex);
		}
		return new LevelDbException(ErrorCode.REQUEST_FAILED, where + ": " + describe(ex), ex);
	}

	private static String reasons(TransactionCanceledException ex) {
		if (!ex.hasCancellationReasons()) {
			return "no reasons given";
		}
		return ex.cancellationReasons()
			.stream()
			.map((reason) -> (reason.code() != null) ? reason.code() : "None")
			.distinct()
			.reduce((a, b) -> a + ", " + b)
			.orElse("no reasons given");
	}

	private static String describe(SdkException ex) {
		if (ex instanceof AwsServiceException service && service.awsErrorDetails() != null) {
			return service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + "): "
					+ service.awsErrorDetails().errorMessage();
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

}
