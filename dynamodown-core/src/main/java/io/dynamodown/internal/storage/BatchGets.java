package io.dynamodown.internal.storage;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import io.dynamodown.metrics.RetryReason;
import io.dynamodown.retry.RetryPolicy;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Sends one {@code BatchGetItem} of a store's table and re-sends the keys DynamoDB left
 * unprocessed through the {@link RetryLoop}: the keys of a many-key read and the chunks
 * of large values alike.
 */
final class BatchGets {

	private final String table;

	private final RequestRunner runner;

	private final ItemRequests requests;

	private final RetryLoop retry;

	BatchGets(String table, RequestRunner runner, ItemRequests requests, RetryLoop retry) {
		this.table = table;
		this.runner = runner;
		this.requests = requests;
		this.retry = retry;
	}

	/**
	 * Reads keys, at most one request's worth.
	 * @param what the operation, for the error message
	 * @param keys the primary keys
	 * @param forceConsistent read strongly consistent even when the store reads
	 * eventually consistent; otherwise as the store reads
	 * @param found receives every item read (from several threads when called
	 * concurrently)
	 * @throws StoreFailure {@link Kind#THROTTLED} when keys are still unprocessed when
	 * the retry policy gives up
	 */
	void read(String what, List<Map<String, AttributeValue>> keys, boolean forceConsistent,
			Consumer<Map<String, AttributeValue>> found) {
		read(what, keys, (pending) -> this.requests.batchGet(pending, forceConsistent), found);
	}

	/**
	 * Reads the sort keys and forms of keys, eventually consistent, at most one request's
	 * worth.
	 * @param what the operation, for the error message
	 * @param keys the primary keys
	 * @param found receives every item read (from several threads when called
	 * concurrently)
	 * @throws StoreFailure {@link Kind#THROTTLED} when keys are still unprocessed when
	 * the retry policy gives up
	 */
	void readForms(String what, List<Map<String, AttributeValue>> keys, Consumer<Map<String, AttributeValue>> found) {
		read(what, keys, this.requests::batchGetForms, found);
	}

	private void read(String what, List<Map<String, AttributeValue>> keys,
			Function<List<Map<String, AttributeValue>>, BatchGetItemRequest> request,
			Consumer<Map<String, AttributeValue>> found) {
		RetryLoop.Outcome<Map<String, AttributeValue>> outcome = this.retry
			.run("BatchGetItem", RetryReason.UNPROCESSED, keys, (pending) -> {
				BatchGetItemResponse response = this.runner.run(Operation.BATCH_GET_ITEM, request.apply(pending));
				response.responses().getOrDefault(this.table, List.of()).forEach(found);
				KeysAndAttributes unprocessed = response.unprocessedKeys().get(this.table);
				return (unprocessed != null && unprocessed.hasKeys()) ? unprocessed.keys() : List.of();
			})
			.rethrow();
		if (!outcome.undone().isEmpty()) {
			RetryPolicy policy = this.retry.policy();
			throw new StoreFailure(Kind.THROTTLED,
					what + ": " + outcome.undone().size() + " of " + keys.size() + " keys still unprocessed after "
							+ outcome.attempts() + " attempts (retry policy: " + policy.maxAttempts()
							+ " attempts, deadline " + policy.deadline() + ")");
		}
	}

}
