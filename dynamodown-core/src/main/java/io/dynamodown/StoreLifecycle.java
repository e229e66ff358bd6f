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

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.observe.ObservedOperation;
import io.dynamodown.internal.observe.OperationObserver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open/closed state of a store and the threads it owns, and the guard every operation
 * of a view enters ({@link View#enter}) and leaves ({@link Guard#leave()}). Inside the
 * guard an operation holds a shared lock; {@link #close()} takes it exclusively, so it
 * waits (bounded) for operations in flight, and every later call fails with
 * {@link ErrorCode#NOT_OPEN}.
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
	 * The open state of a new view of this store, and the guard its operations enter.
	 * @param prefixLength the length of the view's key prefix
	 * @param description the view, for messages
	 * @return the view, open
	 */
	View view(int prefixLength, String description) {
		return new View(prefixLength, description);
	}

	private void checkStoreOpen() {
		if (!this.open) {
			throw new LevelDbException(ErrorCode.NOT_OPEN, "the store " + this.name + " is closed");
		}
	}

	/**
	 * One view of the store: whether it is open, and the guard every operation made on it
	 * enters before its call into the internals and leaves after it, in this shape:
	 *
	 * <pre>
	 * Guard guard = view.enter("put", 1);
	 * try {
	 *     engine.put(...);
	 * }
	 * catch (RuntimeException ex) {
	 *     throw guard.failed(ex);
	 * }
	 * finally {
	 *     guard.leave();
	 * }
	 * </pre>
	 */
	final class View {

		private final int prefixLength;

		private final String description;

		private final AtomicBoolean open = new AtomicBoolean(true);

		private View(int prefixLength, String description) {
			this.prefixLength = prefixLength;
			this.description = description;
		}

		/**
		 * Enters the guard of an operation: starts its observation, then holds the store
		 * open for it ({@link StoreLifecycle#close()} waits until it leaves) if the store
		 * and this view are open.
		 * @param operation the operation's name, for its observation
		 * @param items the keys it reads or writes, as far as known now
		 * @return the entered guard, to leave on this thread
		 * @throws LevelDbException {@link ErrorCode#NOT_OPEN}, observed, when the store
		 * or this view is closed
		 */
		Guard enter(String operation, long items) {
			Guard guard = new Guard(StoreLifecycle.this.observer.start(operation, items), this.prefixLength);
			try {
				guard.acquire(this);
				return guard;
			}
			catch (RuntimeException ex) {
				RuntimeException thrown = guard.failed(ex);
				guard.leave();
				throw thrown;
			}
		}

		/**
		 * Holds the store open for a call another store's operation makes into it,
		 * unobserved.
		 * @return the entered guard, to leave on this thread
		 * @throws LevelDbException {@link ErrorCode#NOT_OPEN} when the store or this view
		 * is closed
		 */
		Guard hold() {
			Guard guard = new Guard(ObservedOperation.NONE, this.prefixLength);
			try {
				guard.acquire(this);
				return guard;
			}
			catch (RuntimeException ex) {
				guard.leave();
				throw ex;
			}
		}

		/**
		 * Checks that the store and this view are open.
		 * @throws LevelDbException {@link ErrorCode#NOT_OPEN} when either is closed
		 */
		void checkOpen() {
			checkStoreOpen();
			if (!this.open.get()) {
				throw new LevelDbException(ErrorCode.NOT_OPEN,
						"this view of the store " + this.description + " is closed");
			}
		}

		/**
		 * Whether the store and this view are open.
		 * @return whether both are open
		 */
		boolean isOpen() {
			return this.open.get() && StoreLifecycle.this.open;
		}

		/**
		 * Closes this view; the store stays open.
		 */
		void close() {
			this.open.set(false);
		}

	}

	/**
	 * One operation inside the guard of its view, until it leaves.
	 */
	final class Guard {

		private final ObservedOperation observed;

		private final int prefixLength;

		private boolean held;

		private boolean left;

		private Guard(ObservedOperation observed, int prefixLength) {
			this.observed = observed;
			this.prefixLength = prefixLength;
		}

		private void acquire(View view) {
			// only close() takes the write lock: a call that meets it is refused, never
			// parked
			if (!StoreLifecycle.this.lock.readLock().tryLock()) {
				throw new LevelDbException(ErrorCode.NOT_OPEN, "the store " + StoreLifecycle.this.name + " is closed");
			}
			this.held = true;
			view.checkOpen();
		}

		/**
		 * The exception an operation that failed inside the guard ends with, recorded in
		 * its observation: a failure of the internals becomes the public exception, the
		 * keys of incomplete writes relative to the view.
		 * @param failure what the operation threw
		 * @return the exception to throw
		 */
		RuntimeException failed(RuntimeException failure) {
			RuntimeException thrown = (failure instanceof StoreFailure internal)
					? Errors.toPublic(internal, this.prefixLength) : failure;
			this.observed.failed(thrown);
			return thrown;
		}

		/**
		 * Leaves the guard: the store may close, and the observation ends. Leaving twice
		 * is leaving once.
		 */
		void leave() {
			if (this.left) {
				return;
			}
			this.left = true;
			try {
				if (this.held) {
					StoreLifecycle.this.lock.readLock().unlock();
				}
			}
			finally {
				this.observed.stop();
			}
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
