package io.dynamodown.server.internal.protocol;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of DynamoDB's protocol, bound to {@code 127.0.0.1} only. It does not
 * own its executor: whoever started it closes the executor after this server.
 */
public final class ProtocolServer implements AutoCloseable {

	/**
	 * How long closing waits for requests that are still running, so that the executor is
	 * not closed under them.
	 */
	private static final long CLOSE_WAIT_SECONDS = 10;

	private static final String NO_DELAY = "sun.net.httpserver.nodelay";

	private static final Logger logger = LoggerFactory.getLogger(ProtocolServer.class);

	private final HttpServer server;

	private final ThreadPoolExecutor threads;

	private ProtocolServer(HttpServer server, ThreadPoolExecutor threads) {
		this.server = server;
		this.threads = threads;
	}

	/**
	 * Binds and starts a server.
	 * @param port the port, or {@code 0} for a free one the operating system picks while
	 * binding
	 * @param authenticator how requests are authenticated
	 * @param databasePerAccessKey whether each access key id has a database of its own
	 * (the executor then gets the access key id as account, otherwise the empty string)
	 * @param executor what runs the requests
	 * @return the running server
	 * @throws IOException if the port cannot be bound
	 */
	public static ProtocolServer start(int port, Authenticator authenticator, boolean databasePerAccessKey,
			RequestExecutor executor) throws IOException {
		disableNagle();
		HttpServer server = HttpServer.create(new InetSocketAddress(loopback(), port), 0);
		ThreadPoolExecutor threads = ServerThreads.newPool();
		server.setExecutor(threads);
		server.createContext("/",
				new ProtocolHandler(authenticator, databasePerAccessKey, executor, RequestBody.LIMIT));
		server.start();
		return new ProtocolServer(server, threads);
	}

	/**
	 * Returns the address the listening socket is bound to.
	 * @return the bound address
	 */
	public InetSocketAddress address() {
		return this.server.getAddress();
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Stops listening, closes every connection and waits up to ten seconds for requests
	 * that are still running.
	 */
	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdown();
		try {
			if (!this.threads.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
				logger.debug("Requests still running {} seconds after close", CLOSE_WAIT_SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The JDK's server writes an answer's headers and body separately; with Nagle's
	 * algorithm on, the body then waits for the client's delayed acknowledgement (about
	 * 40 ms on Linux) on every keep-alive request. The server reads this setting once,
	 * when its first instance starts, so it is set before then unless the application
	 * chose a value itself.
	 */
	private static void disableNagle() {
		if (System.getProperty(NO_DELAY) == null) {
			System.setProperty(NO_DELAY, "true");
		}
	}

	private static InetAddress loopback() throws UnknownHostException {
		// the IPv4 address explicitly: clients are told 127.0.0.1, whatever the JVM
		// prefers
		return InetAddress.getByAddress("localhost", new byte[] { 127, 0, 0, 1 });
	}

}
