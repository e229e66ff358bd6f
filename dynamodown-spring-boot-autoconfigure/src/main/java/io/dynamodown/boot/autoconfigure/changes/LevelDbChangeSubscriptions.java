package io.dynamodown.boot.autoconfigure.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.dynamodown.ErrorCode;
import io.dynamodown.InvalidOptionException;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.Subscription;
import io.dynamodown.boot.autoconfigure.InvalidDynamoDownPropertyException;
import io.dynamodown.boot.changes.ChangeSubscriptionName;
import io.dynamodown.boot.changes.LevelDbChangeListener;
import io.dynamodown.changes.SubscriptionOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The subscriptions of the {@link LevelDbChangeListener} beans, one per store, as a
 * {@link SmartLifecycle}: subscribed when the application context has been refreshed
 * (after every singleton, the stores included, is created), closed when the context
 * stops, before any singleton is destroyed, so before the stores are closed. Each close
 * records the checkpoints and hands the shards back, waiting at most the store's close
 * timeout.
 * <p>
 * A subscription that stops on its own (its listener kept failing:
 * {@link ErrorCode#HANDLER_FAILED}; the stream or the table went away) is logged at ERROR
 * and stays visible: {@link #subscription(LevelDb)} answers it with its failure, which
 * the store's health shows (DOWN).
 */
public final class LevelDbChangeSubscriptions implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(LevelDbChangeSubscriptions.class);

	private final List<Target> targets;

	private final Map<Target, Subscription> subscriptions = new ConcurrentHashMap<>();

	private volatile boolean running;

	/**
	 * Creates the subscriptions, not yet started.
	 * @param targets what to subscribe
	 */
	public LevelDbChangeSubscriptions(List<Target> targets) {
		this.targets = List.copyOf(Objects.requireNonNull(targets, "'targets' must not be null"));
	}

	/**
	 * Subscribes every listener of every store.
	 * @throws InvalidDynamoDownPropertyException when the consumer name or an option of
	 * {@code dynamodown.changes.*} is refused by the core; the subscriptions made before
	 * are closed
	 * @throws LevelDbException when a store cannot deliver changes (its table has no
	 * suitable stream: {@link ErrorCode#STREAM_UNAVAILABLE})
	 */
	@Override
	public void start() {
		try {
			for (Target target : this.targets) {
				this.subscriptions.put(target, subscribe(target));
			}
			this.running = true;
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
	}

	private Subscription subscribe(Target target) {
		Subscription subscription;
		try {
			subscription = target.store()
				.subscribe(target.name().consumer(), target.options(), target.listener()::onChange);
		}
		catch (InvalidOptionException ex) {
			throw InvalidDynamoDownPropertyException.of(ex);
		}
		catch (LevelDbException ex) {
			if (ex.code() != ErrorCode.INVALID_ARGUMENT) {
				throw ex;
			}
			// the options and the listener are checked above: what is left is the name
			throw new InvalidDynamoDownPropertyException(target.consumerProperty(), target.name().consumer(),
					"must be a consumer name the change feed accepts (" + ex.getMessage() + ")");
		}
		subscription.stopped().whenComplete((done, failure) -> {
			if (failure != null) {
				// the core logged the failure with its cause; this says what it means
				// here
				logger.error("The change listeners of the store '{}' (table {}, consumer '{}') no longer receive "
						+ "changes; its health is DOWN until the application restarts, and the next instance of the "
						+ "consumer receives the failed change again", target.beanName(), target.name().table(),
						target.name().consumer());
			}
		});
		return subscription;
	}

	/**
	 * Closes every subscription: each stops after the change in hand, records its
	 * checkpoints and hands its shards back.
	 */
	@Override
	public void stop() {
		this.running = false;
		List<Subscription> open = new ArrayList<>(this.subscriptions.values());
		for (Subscription subscription : open) {
			subscription.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Closes what a context that failed to start had subscribed.
	 */
	@Override
	public void destroy() {
		stop();
	}

	/**
	 * The names of the subscriptions, one per store with listeners.
	 * @return the names
	 */
	public List<ChangeSubscriptionName> names() {
		return this.targets.stream().map(Target::name).toList();
	}

	/**
	 * The subscription of a store, once started: running, or stopped with its failure.
	 * @param store the store
	 * @return the subscription, empty when the store has no listener or before start
	 */
	public Optional<Subscription> subscription(LevelDb store) {
		return this.targets.stream()
			.filter((target) -> target.store() == store)
			.map(this.subscriptions::get)
			.filter(Objects::nonNull)
			.findFirst();
	}

	/**
	 * How many shards the subscription of a name holds now.
	 * @param name the subscription's name
	 * @return the shards held, 0 before start and once stopped
	 */
	public int shardsHeld(ChangeSubscriptionName name) {
		return this.targets.stream()
			.filter((target) -> target.name().equals(name))
			.map(this.subscriptions::get)
			.filter(Objects::nonNull)
			.mapToInt(Subscription::shardsHeld)
			.sum();
	}

	/**
	 * One subscription to make.
	 *
	 * @param beanName the store's bean name
	 * @param store the store
	 * @param name its table, hash key and consumer name
	 * @param options the subscription's options
	 * @param listener what receives the changes: the store's listeners, decorated
	 * @param consumerProperty the property the consumer name came from
	 * ({@code dynamodown.changes.consumer} or {@code spring.application.name})
	 */
	public record Target(String beanName, LevelDb store, ChangeSubscriptionName name, SubscriptionOptions options,
			LevelDbChangeListener listener, String consumerProperty) {

	}

}
