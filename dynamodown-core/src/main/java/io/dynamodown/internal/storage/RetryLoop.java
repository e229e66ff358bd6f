package io.dynamodown.internal.storage;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.request.RequestRunner;
import io.dynamodown.metrics.RetryReason;
import io.dynamodown.retry.RetryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The one loop that retries what DynamoDB left undone (unprocessed items, unprocessed
 * keys, transactions cancelled by a conflict): attempts with exponential back-off and
 * full jitter until nothing is left, the policy's attempts are spent or its deadline has
 * passed. Each retry is reported to the listener before its back-off.
 */
final class RetryLoop {

	private final RetryPolicy policy;

	private final RequestRunner runner;

	RetryLoop(RetryPolicy policy, RequestRunner runner) {
		this.policy = policy;
		this.runner = runner;
	}

	/**
	 * Runs attempts until no work is left or the policy gives up.
	 * @param operation the DynamoDB operation, for the listener
	 * @param reason why a retry is made
	 * @param work the work of the first attempt
	 * @param attempt sends the work given and answers what is still undone; an exception
	 * ends the loop
	 * @return what is still undone when the loop ended (empty when all was done), the
	 * attempts made and the exception that ended it, if any
	 */
	<W> Outcome<W> run(String operation, RetryReason reason, List<W> work, UnaryOperator<List<W>> attempt) {
		long deadline = System.nanoTime() + this.policy.deadline().toNanos();
		List<W> pending = work;
		int attempts = 1;
		try {
			pending = attempt.apply(pending);
			while (!pending.isEmpty() && attempts < this.policy.maxAttempts() && System.nanoTime() < deadline) {
				attempts++;
				pause(operation, reason, attempts);
				pending = attempt.apply(pending);
			}
		}
		catch (RuntimeException ex) {
			return new Outcome<>(pending, attempts, ex);
		}
		return new Outcome<>(pending, attempts, null);
	}

	/**
	 * The policy, for messages.
	 */
	RetryPolicy policy() {
		return this.policy;
	}

	private void pause(String operation, RetryReason reason, int attempt) {
		Duration delay = this.policy.delayBefore(attempt);
		this.runner.retrying(operation, attempt, reason, delay);
		try {
			Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreFailure(Kind.REQUEST_FAILED, operation + " interrupted during back-off", ex);
		}
	}

	/**
	 * How a retry loop ended.
	 *
	 * @param <W> the kind of work
	 * @param undone what is still undone, empty when all was done
	 * @param attempts the attempts made
	 * @param failure the exception that ended the loop, or {@code null} when the work was
	 * done or the policy gave up
	 */
	record Outcome<W>(List<W> undone, int attempts, @Nullable RuntimeException failure) {

		/**
		 * Rethrows the exception that ended the loop, if any.
		 * @return this outcome
		 */
		Outcome<W> rethrow() {
			if (this.failure != null) {
				throw this.failure;
			}
			return this;
		}

	}

}
