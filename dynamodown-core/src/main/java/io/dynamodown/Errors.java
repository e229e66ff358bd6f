package io.dynamodown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import io.dynamodown.internal.failure.StoreFailure;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a failure of the internals becomes the store's public exception:
 * each {@link StoreFailure.Kind} has its {@link ErrorCode}, the message and the cause are
 * kept, and the keys of incomplete writes become keys of the view written to. Every
 * public entry point runs its calls into the internals through here.
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
		String message = failure.getMessage();
		LevelDbException converted = switch (failure.kind()) {
			case INVALID_KEY -> new LevelDbException(ErrorCode.INVALID_KEY, message, cause);
			case INVALID_VALUE -> new LevelDbException(ErrorCode.INVALID_VALUE, message, cause);
			case INVALID_ARGUMENT -> new LevelDbException(ErrorCode.INVALID_ARGUMENT, message, cause);
			case BATCH_TOO_LARGE -> new LevelDbException(ErrorCode.BATCH_TOO_LARGE, message, cause);
			case TABLE_MISSING -> new LevelDbException(ErrorCode.TABLE_MISSING, message, cause);
			case TABLE_EXISTS -> new LevelDbException(ErrorCode.TABLE_EXISTS, message, cause);
			case SCHEMA_MISMATCH -> new LevelDbException(ErrorCode.SCHEMA_MISMATCH, message, cause);
			case THROTTLED -> new LevelDbException(ErrorCode.THROTTLED, message, cause);
			case TRANSACTION_CANCELLED -> new LevelDbException(ErrorCode.TRANSACTION_CANCELLED, message, cause);
			case TIMEOUT -> new LevelDbException(ErrorCode.TIMEOUT, message, cause);
			case REQUEST_FAILED -> new LevelDbException(ErrorCode.REQUEST_FAILED, message, cause);
			case WRITES_INCOMPLETE -> new WritesIncompleteException(failure.unwritten().operation(),
					failure.unwritten().attempted(), relative(failure.unwritten().keys(), prefixLength), cause);
		};
		for (Throwable suppressed : failure.getSuppressed()) {
			converted.addSuppressed(publicCause(suppressed, prefixLength));
		}
		return converted;
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
