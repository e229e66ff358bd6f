package io.dynamodown;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A running delivery of a database's changes to a handler
 * ({@link LevelDb#subscribe(String, java.util.function.Consumer)}). It runs on threads of
 * its own until it is closed, its store is closed, or it fails; a failure is kept here
 * and logged, never swallowed.
 */
public interface Subscription extends AutoCloseable {

	/**
	 * The consumer name this subscription delivers for.
	 * @return the name
	 */
	String consumer();

	/**
	 * Whether changes are being delivered: {@code false} once closed or failed.
	 * @return {@code true} while running
	 */
	boolean isActive();

	/**
	 * How many of the stream's shards this subscriber holds now: the shards it reads,
	 * shared with the other subscribers of the same consumer name. Changes with every
	 * lease round (a third of the lease duration), when a shard ends and hands over to
	 * its children, or when another subscriber joins or leaves.
	 * @return the number of shards held, 0 once stopped
	 */
	int shardsHeld();

	/**
	 * Why the subscription stopped on its own: {@link ErrorCode#HANDLER_FAILED} when the
	 * handler kept failing, {@link ErrorCode#STREAM_UNAVAILABLE} when the table's stream
	 * went away, {@link ErrorCode#TABLE_MISSING} when the table did.
	 * @return the failure, empty while running or after a close
	 */
	Optional<LevelDbException> failure();

	/**
	 * Completes when the subscription has stopped and released its shards: normally after
	 * {@link #close()}, exceptionally with the {@link #failure()}.
	 * @return the stage
	 */
	CompletionStage<Void> stopped();

	/**
	 * Stops delivery after the change in hand (if the handler is running, once it
	 * returns), records how far it got and hands its shards back so that other
	 * subscribers of the same consumer name take them over at once. Waits for that, at
	 * most the store's close timeout. Idempotent; may be called from the handler.
	 */
	@Override
	void close();

}
