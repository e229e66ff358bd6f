package io.dynamodown;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.dynamodown.internal.changes.DecodedChange;
import io.dynamodown.internal.changes.FeedSubscription;
import io.dynamodown.internal.failure.StoreFailure;

/**
 * The public face of a running subscription: its failure as the store's exception.
 */
final class ChangeSubscription implements Subscription {

	private final FeedSubscription subscription;

	private final CompletableFuture<Void> stopped;

	ChangeSubscription(FeedSubscription subscription) {
		this.subscription = subscription;
		this.stopped = subscription.stopped().handle((done, failure) -> {
			if (failure != null) {
				throw (failure instanceof StoreFailure internal) ? Errors.toPublic(internal, 0)
						: new CompletionException(failure);
			}
			return null;
		});
	}

	/**
	 * The change a handler receives for a decoded stream record.
	 * @param change the decoded record
	 * @return the change
	 */
	static Change toChange(DecodedChange change) {
		return new Change(Change.Kind.valueOf(change.kind().name()), change.key(), change.value(),
				change.previousValue(), change.sequenceNumber(), change.time(), change.superseded());
	}

	@Override
	public String consumer() {
		return this.subscription.consumer();
	}

	@Override
	public boolean isActive() {
		return this.subscription.isActive();
	}

	@Override
	public int shardsHeld() {
		return this.subscription.shardsHeld();
	}

	@Override
	public Optional<LevelDbException> failure() {
		StoreFailure failure = this.subscription.failure();
		return (failure != null) ? Optional.of(Errors.toPublic(failure, 0)) : Optional.empty();
	}

	@Override
	public CompletionStage<Void> stopped() {
		return this.stopped.minimalCompletionStage();
	}

	@Override
	public void close() {
		this.subscription.close();
	}

	@Override
	public String toString() {
		return "Subscription[" + consumer() + (isActive() ? ", active" : ", stopped") + "]";
	}

}
