package io.dynamodown.internal.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.dynamodown.internal.batch.WriteOp;
import io.dynamodown.internal.condition.Condition;
import io.dynamodown.internal.expiry.ExpiryClock;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.key.ByteKeys;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import io.dynamodown.internal.value.StoredForms;
import io.dynamodown.internal.value.StoredValue;
import io.dynamodown.internal.value.ValueEncoder;
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
 * <p>
 * The chunks of large values are written before the transaction, which commits the
 * manifests naming them; they are removed again when a condition fails. A condition on a
 * value is first sent as the stored form this store would write for it; when the item
 * that fails it holds the expected value in another stored form (written uncompressed, by
 * another codec, or in chunks), the write is sent again on that exact form.
 */
final class Transactions {

	private static final String CONDITION_FAILED = "ConditionalCheckFailed";

	/** How often a write is sent again on the stored form a condition found. */
	private static final int MAX_ROUNDS = 4;

	private final KeyLayout layout;

	private final RequestRunner runner;

	private final ItemRequests requests;

	private final RetryLoop retry;

	private final ExpiryClock clock;

	private final StoredValues values;

	private final ValueEncoder encoder;

	Transactions(KeyLayout layout, RequestRunner runner, ItemRequests requests, RetryLoop retry, ExpiryClock clock,
			StoredValues values, ValueEncoder encoder) {
		this.layout = layout;
		this.runner = runner;
		this.requests = requests;
		this.retry = retry;
		this.clock = clock;
		this.values = values;
		this.encoder = encoder;
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
		List<ChunkedValue> written = new ArrayList<>(1);
		Outcome outcome = commit(List.of(write), written);
		if (outcome.failed().isEmpty()) {
			return ConditionalResult.WRITTEN;
		}
		// the item that failed the condition was live at the request's now, whatever the
		// clock says by the time the answer arrives
		Map<String, AttributeValue> current = outcome.failed().get(0);
		return new ConditionalResult(false, (current != null) ? valueOf(write.key(), current).clone() : new byte[0]);
	}

	/**
	 * Writes distinct keys as one transaction.
	 * @param distinctWrites writes with distinct full keys, within the atomic batch
	 * limits
	 * @throws StoreFailure {@link Kind#CONDITION_FAILED} naming the keys whose condition
	 * failed, when nothing was written
	 */
	void writeAtomic(List<WriteOp> distinctWrites) {
		Outcome outcome = commit(distinctWrites, new ArrayList<>());
		if (!outcome.failed().isEmpty()) {
			List<String> keys = new ArrayList<>();
			outcome.failed().keySet().forEach((i) -> keys.add(ByteKeys.hex(distinctWrites.get(i).key())));
			throw new StoreFailure(Kind.CONDITION_FAILED,
					"atomic batch of " + distinctWrites.size() + " keys not written: the condition failed for the keys "
							+ keys + " (hex, sublevel prefix included)",
					outcome.cancellation());
		}
	}

	/**
	 * Writes the chunks of large values, then commits the writes: sent again on the exact
	 * stored form of a current item that holds the expected value in another form.
	 * @param writes the writes
	 * @param written collects the manifests of the chunks written
	 * @return how it ended: nothing failed, or the current items that failed a condition
	 * (by index; {@code null} for an absent item)
	 */
	private Outcome commit(List<WriteOp> writes, List<ChunkedValue> written) {
		List<@Nullable Map<String, AttributeValue>> items = new ArrayList<>(writes.size());
		List<@Nullable Condition> conditions = new ArrayList<>(writes.size());
		for (WriteOp write : writes) {
			items.add((write instanceof WriteOp.Put put) ? this.values.itemOf(put, written) : null);
			conditions.add((write.condition() != null || writes.size() == 1) ? sent(write) : Condition.NOT_CHUNKED);
		}
		List<ChunkedValue> replaced = new ArrayList<>();
		MalformedItems skipped = new MalformedItems((writes.size() == 1) ? "conditional write" : "batch", this.runner);
		for (int round = 1;; round++) {
			long now = this.clock.now();
			TransactionCanceledException failed = transact(writes, items, conditions, now);
			if (failed == null) {
				this.values.chunks().deleteQuietly("batch", replaced);
				skipped.logSummary(this.layout.table());
				return new Outcome(Map.of(), null);
			}
			Map<Integer, @Nullable Map<String, AttributeValue>> genuine = new LinkedHashMap<>();
			List<CancellationReason> reasons = failed.cancellationReasons();
			for (int i = 0; i < reasons.size(); i++) {
				if (!CONDITION_FAILED.equals(reasons.get(i).code())) {
					continue;
				}
				Map<String, AttributeValue> current = reasons.get(i).hasItem() ? reasons.get(i).item() : null;
				if (writes.get(i).condition() == null) {
					conditions.set(i, replacing(current, round, replaced, skipped));
					continue;
				}
				Condition.StoredIs exact = (round < MAX_ROUNDS) ? storedFormHolding(writes.get(i), current, now) : null;
				if (exact != null) {
					conditions.set(i, exact);
					ChunkedValue value = this.values.chunkedOf(current, skipped);
					if (value != null) {
						replaced.add(value);
					}
				}
				else {
					genuine.put(i, current);
				}
			}
			if (!genuine.isEmpty()) {
				this.values.chunks().deleteWritten(written);
				return new Outcome(genuine, failed);
			}
		}
	}

	/**
	 * The condition an unconditional write is sent with again after it met a chunked
	 * value: replacing that value, whose chunks are removed once it is written; on the
	 * last round, none (the write wins, and chunks replaced meanwhile are left for
	 * repair).
	 */
	private @Nullable Condition replacing(@Nullable Map<String, AttributeValue> current, int round,
			List<ChunkedValue> replaced, MalformedItems skipped) {
		ChunkedValue value = this.values.chunkedOf(current, skipped);
		if (value == null || round >= MAX_ROUNDS - 1) {
			return null;
		}
		replaced.add(value);
		return new Condition.Replacing(value.manifest().encode());
	}

	/**
	 * The condition a write is first sent with: a value condition becomes the stored form
	 * this store writes for the expected value (no item is ever both without a value and
	 * without a form, so a value too large to be inline cannot match at first).
	 */
	private @Nullable Condition sent(WriteOp write) {
		if (!(write.condition() instanceof Condition.ValueIs valueIs)) {
			return write.condition();
		}
		StoredValue expected = this.encoder.encode(valueIs.expected());
		return this.layout.fitsInline(write.key(), expected, false)
				? new Condition.StoredIs(expected.bytes(), StoredForms.inline(expected.codec()))
				: new Condition.StoredIs(null, null);
	}

	/**
	 * The exact stored form of a current item that failed a value condition, when it
	 * holds the expected value all the same.
	 */
	private Condition.@Nullable StoredIs storedFormHolding(WriteOp write, @Nullable Map<String, AttributeValue> current,
			long now) {
		if (!(write.condition() instanceof Condition.ValueIs valueIs) || current == null || current.isEmpty()
				|| !ExpiryClock.isLive(this.layout.expiresAtOf(current), now)) {
			return null;
		}
		if (!Arrays.equals(valueOf(write.key(), current), valueIs.expected())) {
			return null;
		}
		AttributeValue value = current.get(this.layout.names().value());
		return new Condition.StoredIs((value != null && value.b() != null) ? value.b().asByteArray() : null,
				this.layout.formOf(current));
	}

	/**
	 * The value of a current item returned by a failed condition, which was live when the
	 * condition was evaluated; read from its chunks (or read again) when large.
	 */
	private byte[] valueOf(byte[] key, Map<String, AttributeValue> current) {
		List<byte @Nullable []> read = this.values.valuesOf(List.of(current));
		byte[] value = read.get(0);
		return (value != null) ? value : new byte[0];
	}

	/**
	 * Sends writes as one transaction with one idempotency token, retried after a
	 * conflict.
	 * @return {@code null} when written, or the cancellation when only conditions of the
	 * writes failed
	 */
	private @Nullable TransactionCanceledException transact(List<WriteOp> writes,
			List<@Nullable Map<String, AttributeValue>> puts, List<@Nullable Condition> conditions, long now) {
		List<TransactWriteItem> items = new ArrayList<>(writes.size());
		for (int i = 0; i < writes.size(); i++) {
			items.add(this.requests.transactItem(writes.get(i).key(), puts.get(i), conditions.get(i), now));
		}
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
					if (!failedOnSentConditions(cancelled, conditions)) {
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
	 * Whether an item returned by a cancellation is present without a value attribute,
	 * the one case a {@link Condition.NotChunked} fails on (a chunked value, or an item
	 * that cannot be read, which the write then replaces).
	 */
	private boolean lacksValue(@Nullable Map<String, AttributeValue> item) {
		return item != null && !item.isEmpty() && !item.containsKey(this.layout.names().value());
	}

	/**
	 * Whether a cancellation came only from the conditions the writes were sent with (not
	 * from another reason).
	 */
	private boolean failedOnSentConditions(TransactionCanceledException ex, List<@Nullable Condition> conditions) {
		if (!ex.hasCancellationReasons() || ex.cancellationReasons().size() != conditions.size()) {
			return false;
		}
		boolean any = false;
		for (int i = 0; i < conditions.size(); i++) {
			String code = ex.cancellationReasons().get(i).code();
			if (CONDITION_FAILED.equals(code)) {
				Condition sent = conditions.get(i);
				if (sent == null || (sent instanceof Condition.NotChunked
						&& !lacksValue(ex.cancellationReasons().get(i).item()))) {
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

	/**
	 * How a commit ended.
	 *
	 * @param failed the current items that failed a condition, by the index of the write;
	 * empty when all was written
	 * @param cancellation the cancellation that reported them, or {@code null}
	 */
	private record Outcome(Map<Integer, @Nullable Map<String, AttributeValue>> failed,
			@Nullable TransactionCanceledException cancellation) {

	}

}
