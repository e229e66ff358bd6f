package io.dynamodown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a failure of the internals becomes the store's public exception:
 * each {@link Kind} has its {@link ErrorCode}, the message and the cause are kept, and
 * the keys of incomplete writes become keys of the view written to. An operation's guard
 * maps its failure through here ({@code StoreLifecycle.Guard#failed}); the calls the
 * facade makes outside a guard (opening a store, checking a batch's writes as they are
 * added, a sublevel's prefix, a consumer's name) run through {@link #call}.
 */
final class Errors {

	private Errors() {
	}

	/**
	 * Runs a call into the internals of the root view.
	 * @param <T> the result type
	 * @param call the call
	 * @return its result
	 * @throws LevelDbException for a failure of the internals
	 */
	static <T> T call(Supplier<T> call) {
		return call(0, call);
	}

	/**
	 * Runs a call into the internals of a view.
	 * @param <T> the result type
	 * @param prefixLength the length of the view's key prefix, left out of the keys of
	 * incomplete writes
	 * @param call the call
	 * @return its result
	 * @throws LevelDbException for a failure of the internals
	 */
	static <T> T call(int prefixLength, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (StoreFailure failure) {
			throw toPublic(failure, prefixLength);
		}
	}

	/**
	 * Runs a call into the internals that answers nothing.
	 * @param call the call
	 * @throws LevelDbException for a failure of the internals
	 */
	static void run(Runnable call) {
		call(() -> {
			call.run();
			return null;
		});
	}

	/**
	 * The public exception of a failure of the internals, its causes and suppressed
	 * failures converted too.
	 * @param failure the failure
	 * @param prefixLength the length of the view's key prefix
	 * @return the exception to throw
	 */
	static LevelDbException toPublic(StoreFailure failure, int prefixLength) {
		Throwable cause = publicCause(failure.getCause(), prefixLength);
		StoreFailure.ShardCounts shards = failure.shardCounts();
		LevelDbException converted = (failure.kind() == Kind.WRITES_INCOMPLETE)
				? new WritesIncompleteException(failure.unwritten().operation(), failure.unwritten().attempted(),
						relative(failure.unwritten().keys(), prefixLength), cause)
				: (shards != null) ? new ShardCountMismatchException(failure.getMessage(), shards.recorded(),
						shards.requested(), cause)
						: new LevelDbException(codeOf(failure.kind()), failure.getMessage(), cause);
		for (Throwable suppressed : failure.getSuppressed()) {
			converted.addSuppressed(publicCause(suppressed, prefixLength));
		}
		return converted;
	}

	/**
	 * The error code of a kind of failure: every kind has one, or this does not compile.
	 * @param kind the kind
	 * @return its code
	 */
	private static ErrorCode codeOf(Kind kind) {
		return switch (kind) {
			case INVALID_KEY -> ErrorCode.INVALID_KEY;
			case INVALID_VALUE -> ErrorCode.INVALID_VALUE;
			case INVALID_ARGUMENT -> ErrorCode.INVALID_ARGUMENT;
			case BATCH_TOO_LARGE -> ErrorCode.BATCH_TOO_LARGE;
			case TABLE_MISSING -> ErrorCode.TABLE_MISSING;
			case TABLE_EXISTS -> ErrorCode.TABLE_EXISTS;
			case SCHEMA_MISMATCH -> ErrorCode.SCHEMA_MISMATCH;
			case THROTTLED -> ErrorCode.THROTTLED;
			case TRANSACTION_CANCELLED -> ErrorCode.TRANSACTION_CANCELLED;
			case CONDITION_FAILED -> ErrorCode.CONDITION_FAILED;
			case WRITES_INCOMPLETE -> ErrorCode.WRITES_INCOMPLETE;
			case TIMEOUT -> ErrorCode.TIMEOUT;
			case CORRUPT_ITEM -> ErrorCode.CORRUPT_ITEM;
			case STREAM_UNAVAILABLE -> ErrorCode.STREAM_UNAVAILABLE;
			case HANDLER_FAILED -> ErrorCode.HANDLER_FAILED;
			case REQUEST_FAILED -> ErrorCode.REQUEST_FAILED;
		};
	}

	private static @Nullable Throwable publicCause(@Nullable Throwable cause, int prefixLength) {
		return (cause instanceof StoreFailure inner) ? toPublic(inner, prefixLength) : cause;
	}

	private static List<byte[]> relative(List<byte[]> keys, int prefixLength) {
		List<byte[]> relative = new ArrayList<>(keys.size());
		keys.forEach((key) -> relative.add(Arrays.copyOfRange(key, prefixLength, key.length)));
		return relative;
	}

}
