package io.dynamodown.internal.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.dynamodown.internal.batch.WriteOp;
import io.dynamodown.internal.expiry.ExpiryClock;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.key.ByteKeys;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import io.dynamodown.metrics.RetryReason;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Sends {@code TransactWriteItems} for a store: atomic batches of several keys and
 * conditional writes, each with one idempotency token for all its attempts, retried after
 * a conflict, and telling a failed condition of the writes from any other cancellation.
 */
final class Transactions {

	private static final String CONDITION_FAILED = "ConditionalCheckFailed";

	private final KeyLayout layout;

	private final RequestRunner runner;

	private final ItemRequests requests;

	private final RetryLoop retry;

	private final ExpiryClock clock;

	Transactions(KeyLayout layout, RequestRunner runner, ItemRequests requests, RetryLoop retry, ExpiryClock clock) {
		this.layout = layout;
		this.runner = runner;
		this.requests = requests;
		this.retry = retry;
		this.clock = clock;
	}

	/**
	 * Writes one key under a condition: one {@code TransactWriteItems} of a single write
	 * with a fresh {@code ClientRequestToken}. When the answer to an attempt that was
	 * applied is lost, the SDK's retry carries the same token and DynamoDB answers it
	 * with the first outcome instead of evaluating the condition again (against the write
	 * itself); a plain conditional {@code PutItem} would report that applied write as a
	 * failed condition.
	 * @param write a conditional put or delete
	 * @return whether it was written, and the current item's value when its condition
	 * failed
	 */
	ConditionalResult writeConditional(WriteOp write) {
		TransactionCanceledException failed = transact(List.of(write));
		if (failed == null) {
			return ConditionalResult.WRITTEN;
		}
		// the item that failed the condition was live at the request's now, whatever the
		// clock says by the time the answer arrives
		Map<String, AttributeValue> current = failed.cancellationReasons().get(0).item();
		return new ConditionalResult(false, (current != null) ? this.layout.valueOf(current).clone() : new byte[0]);
	}

	/**
	 * Writes distinct keys as one transaction.
	 * @param distinctWrites writes with distinct full keys, within the atomic batch
	 * limits
	 * @throws StoreFailure {@link Kind#CONDITION_FAILED} naming the keys whose condition
	 * failed, when nothing was written
	 */
	void writeAtomic(List<WriteOp> distinctWrites) {
		TransactionCanceledException failed = transact(distinctWrites);
		if (failed != null) {
			List<String> keys = new ArrayList<>();
			List<CancellationReason> reasons = failed.cancellationReasons();
			for (int i = 0; i < reasons.size(); i++) {
				if (CONDITION_FAILED.equals(reasons.get(i).code())) {
					keys.add(ByteKeys.hex(distinctWrites.get(i).key()));
				}
			}
			throw new StoreFailure(Kind.CONDITION_FAILED,
					"atomic batch of " + distinctWrites.size() + " keys not written: the condition failed for the keys "
							+ keys + " (hex, sublevel prefix included)",
					failed);
		}
	}

	/**
	 * Sends writes as one transaction with one idempotency token, retried after a
	 * conflict.
	 * @return {@code null} when written, or the cancellation when only conditions of the
	 * writes failed
	 */
	private @Nullable TransactionCanceledException transact(List<WriteOp> writes) {
		long now = this.clock.now();
		List<TransactWriteItem> items = new ArrayList<>(writes.size());
		writes.forEach((write) -> items.add(this.requests.transactItem(write, now)));
		AtomicReference<@Nullable StoreFailure> conflict = new AtomicReference<>();
		AtomicReference<@Nullable TransactionCanceledException> conditionFailed = new AtomicReference<>();
		// One token for every attempt, the SDK's and ours: DynamoDB answers a repeat of
		// an
		// applied transaction with its first outcome, for 10 minutes (the retry policy's
		// deadline plus one request's timeout, 30 s + 10 s by default, stay well below),
		// and evaluates a cancelled one again. So an attempt whose answer was lost,
		// followed by a retry answered with a conflict, is neither applied twice nor
		// reported as a failed condition.
		String token = UUID.randomUUID().toString();
		RetryLoop.Outcome<TransactWriteItem> outcome = this.retry
			.run("TransactWriteItems", RetryReason.TRANSACTION_CONFLICT, items, (pending) -> {
				try {
					this.runner.run(Operation.TRANSACT_WRITE_ITEMS, this.requests.transactWrite(pending, token));
					return List.of();
				}
				catch (StoreFailure ex) {
					if (!(ex.getCause() instanceof TransactionCanceledException cancelled)) {
						throw ex;
					}
					if (isConflict(cancelled)) {
						conflict.set(ex);
						return pending;
					}
					if (!failedOnOwnConditions(cancelled, writes)) {
						throw ex;
					}
					conditionFailed.set(cancelled);
					return List.of();
				}
			})
			.rethrow();
		StoreFailure last = conflict.get();
		if (!outcome.undone().isEmpty() && last != null) {
			throw last;
		}
		return conditionFailed.get();
	}

	/**
	 * Whether a cancellation came only from conditions the writes carry (not from a
	 * condition added on the way, nor from another reason).
	 */
	private static boolean failedOnOwnConditions(TransactionCanceledException ex, List<WriteOp> writes) {
		if (!ex.hasCancellationReasons() || ex.cancellationReasons().size() != writes.size()) {
			return false;
		}
		boolean any = false;
		for (int i = 0; i < writes.size(); i++) {
			String code = ex.cancellationReasons().get(i).code();
			if (CONDITION_FAILED.equals(code)) {
				if (writes.get(i).condition() == null) {
					return false;
				}
				any = true;
			}
			else if (code != null && !"None".equals(code)) {
				return false;
			}
		}
		return any;
	}

	private static boolean isConflict(TransactionCanceledException ex) {
		return ex.hasCancellationReasons() && ex.cancellationReasons()
			.stream()
			.allMatch((reason) -> reason.code() == null || "None".equals(reason.code())
					|| "TransactionConflict".equals(reason.code()) || "ThrottlingError".equals(reason.code())
					|| "ProvisionedThroughputExceeded".equals(reason.code()));
	}

}
