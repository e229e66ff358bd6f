package io.dynamodown;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.observe.OperationObserver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open/closed state of a store and the threads it owns, and the guard every operation
 * of a view runs in. Every operation runs under a shared lock; {@link #close()} takes it
 * exclusively, so it waits (bounded) for operations in flight, and every later call fails
 * with {@link ErrorCode#NOT_OPEN}.
 */
final class StoreLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(StoreLifecycle.class);

	private static final int MAX_THREADS = 64;

	private final String name;

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final ExecutorService executor;

	private final Duration closeTimeout;

	private final OperationObserver observer;

	private volatile boolean open = true;

	StoreLifecycle(String name, Duration closeTimeout, OperationObserver observer) {
		this.name = name;
		this.observer = observer;
		this.closeTimeout = closeTimeout;
		this.executor = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				threadFactory(name), StoreLifecycle::runInCallerUnlessShutDown);
	}

	ExecutorService executor() {
		return this.executor;
	}

	boolean isOpen() {
		return this.open;
	}

	/**
	 * Checks that the store and the view a call was made on are open.
	 * @param viewOpen whether the view is open
	 * @param view the view, for the message
	 */
	void checkOpen(AtomicBoolean viewOpen, Object view) {
		if (!this.open) {
			throw new LevelDbException(ErrorCode.NOT_OPEN, "the store " + this.name + " is closed");
		}
		if (!viewOpen.get()) {
			throw new LevelDbException(ErrorCode.NOT_OPEN, "this view of the store " + view + " is closed");
		}
	}

	/**
	 * The guard of an operation of a view: runs it observed, while the store and the view
	 * are open, a failure of the internals mapped to the public exception with the keys
	 * of incomplete writes relative to the view.
	 * @param <T> the result type
	 * @param operation the operation's name, for its observation
	 * @param items the keys it reads or writes, as far as known now
	 * @param prefixLength the length of the view's key prefix
	 * @param viewOpen whether the view is open
	 * @param view the view, for the message
	 * @param call the operation
	 * @return its result
	 */
	<T> T guard(String operation, long items, int prefixLength, AtomicBoolean viewOpen, Object view, Supplier<T> call) {
		return this.observer.observe(operation, items, () -> {
			try {
				return run(viewOpen, view, call);
			}
			catch (StoreFailure failure) {
				throw Errors.toPublic(failure, prefixLength);
			}
		});
	}

	/**
	 * Runs an operation of a view while the store is open; {@link #close()} waits for it.
	 */
	<T> T run(AtomicBoolean viewOpen, Object view, Supplier<T> operation) {
		// only close() takes the write lock: a call that meets it is refused, never
		// parked
		if (!this.lock.readLock().tryLock()) {
			throw new LevelDbException(ErrorCode.NOT_OPEN, "the store " + this.name + " is closed");
		}
		try {
			checkOpen(viewOpen, view);
			return operation.get();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	void close() {
		if (!this.open) {
			return;
		}
		this.open = false;
		boolean drained = false;
		try {
			drained = this.lock.writeLock().tryLock(this.closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			if (drained) {
				this.lock.writeLock().unlock();
			}
			else {
				logger.warn("Closing store {}: operations still in flight after {}", this.name, this.closeTimeout);
			}
			this.executor.shutdown();
		}
	}

	private static void runInCallerUnlessShutDown(Runnable task, ThreadPoolExecutor executor) {
		if (executor.isShutdown()) {
			throw new RejectedExecutionException("the store is closed");
		}
		task.run();
	}

	private static ThreadFactory threadFactory(String name) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "dynamodown-" + name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
