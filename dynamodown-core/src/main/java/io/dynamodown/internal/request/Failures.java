package io.dynamodown.internal.request;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.metrics.RequestOutcome;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * How a failed DynamoDB call is classified for listeners and turned into a
 * {@link StoreFailure}: the message names the operation and the table, the AWS exception
 * is the cause, credentials never appear.
 */
final class Failures {

	private Failures() {
	}

	static RequestOutcome outcomeOf(SdkException ex) {
		if (timeoutOf(ex) != null) {
			return RequestOutcome.TIMEOUT;
		}
		if (isConditionFailure(ex)) {
			return RequestOutcome.CONDITION_FAILED;
		}
		if (ex instanceof AwsServiceException service) {
			if (service.isThrottlingException()) {
				return RequestOutcome.THROTTLED;
			}
			return (service.statusCode() >= 500) ? RequestOutcome.SERVER_ERROR : RequestOutcome.CLIENT_ERROR;
		}
		return RequestOutcome.IO_ERROR;
	}

	static StoreFailure translate(Operation<?, ?, ?> operation, String table, SdkException ex, RequestOutcome outcome,
			Timeouts timeouts) {
		String where = operation.name() + " on table '" + table + "' failed";
		Throwable timeout = timeoutOf(ex);
		if (timeout instanceof ApiCallTimeoutException) {
			return new StoreFailure(Kind.TIMEOUT, where + ": no answer within the total timeout of "
					+ Timeouts.readable(timeouts.total()) + " (LevelDbBuilder.timeout), the SDK's retries included",
					ex);
		}
		if (timeout != null) {
			return new StoreFailure(Kind.TIMEOUT, where + ": no answer within the attempt timeout of "
					+ Timeouts.readable(timeouts.attempt()) + " (LevelDbBuilder.attemptTimeout) on the last attempt",
					ex);
		}
		if (ex instanceof ResourceNotFoundException) {
			return new StoreFailure(Kind.TABLE_MISSING, where + ": the " + operation.resource() + " does not exist",
					ex);
		}
		if (ex instanceof TransactionCanceledException cancelled) {
			return new StoreFailure(Kind.TRANSACTION_CANCELLED,
					where + ": transaction cancelled, none of its writes happened (" + reasons(cancelled) + ")", ex);
		}
		if (outcome == RequestOutcome.THROTTLED) {
			return new StoreFailure(Kind.THROTTLED, where + ": still throttled after the SDK's retries", ex);
		}
		return new StoreFailure(Kind.REQUEST_FAILED, where + ": " + describe(ex), ex);
	}

	/**
	 * Whether DynamoDB refused a write only because a condition did not hold: a failed
	 * condition is an answer, not an error.
	 */
	private static boolean isConditionFailure(SdkException ex) {
		if (ex instanceof ConditionalCheckFailedException) {
			return true;
		}
		if (!(ex instanceof TransactionCanceledException cancelled) || !cancelled.hasCancellationReasons()) {
			return false;
		}
		boolean conditionFailed = false;
		for (CancellationReason reason : cancelled.cancellationReasons()) {
			if ("ConditionalCheckFailed".equals(reason.code())) {
				conditionFailed = true;
			}
			else if (reason.code() != null && !"None".equals(reason.code())) {
				return false;
			}
		}
		return conditionFailed;
	}

	/**
	 * The SDK's timeout exception in a failure's causes, or {@code null}.
	 */
	private static @Nullable Throwable timeoutOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
				return cause;
			}
		}
		return null;
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
