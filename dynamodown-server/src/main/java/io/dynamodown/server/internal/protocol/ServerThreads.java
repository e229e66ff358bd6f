package io.dynamodown.server.internal.protocol;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run requests: up to {@link #MAX_THREADS} daemon threads named
 * {@code dynamodown-server-N}, started on demand and stopped after a while idle, so that
 * a server costs no thread until it is used and many clients can wait on it at once.
 */
final class ServerThreads implements ThreadFactory {

	/**
	 * The most requests that run at once; more wait in line. Idle keep-alive connections
	 * take no thread.
	 */
	static final int MAX_THREADS = 64;

	private static final long IDLE_SECONDS = 30;

	private final AtomicInteger count = new AtomicInteger();

	private ServerThreads() {
	}

	/**
	 * Creates the pool of one server.
	 * @return the pool
	 */
	static ThreadPoolExecutor newPool() {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, IDLE_SECONDS, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), new ServerThreads());
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	@Override
	public Thread newThread(Runnable task) {
		Thread thread = new Thread(task, "dynamodown-server-" + this.count.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

}
