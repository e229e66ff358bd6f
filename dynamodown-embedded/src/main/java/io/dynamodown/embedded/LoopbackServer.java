package io.dynamodown.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.Map;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB Local's HTTP server, assembled as its {@code ServerRunner} does, except that
 * the Jetty connector is bound to the loopback address instead of all interfaces.
 */
final class LoopbackServer {

	static final String HOST = "127.0.0.1";

	private static final Logger logger = LoggerFactory.getLogger(LoopbackServer.class);

	private final LocalDynamoDBRequestHandler databases;

	private final LocalDynamoDBServerHandler handler;

	private final Server jetty;

	private final ServerConnector connector;

	private LoopbackServer(int port, @Nullable Path directory, boolean sharedDb) throws Exception {
		// ServerRunner's arguments for "-inMemory" or "-dbPath <directory>", with or
		// without "-sharedDb": (unused, inMemory, dbPath, sharedDb,
		// delayTransientStatuses)
		this.databases = new LocalDynamoDBRequestHandler(0, directory == null,
				(directory != null) ? directory.toString() : null, sharedDb, false);
		this.handler = new LocalDynamoDBServerHandler(this.databases, null);
		QueuedThreadPool threads = new QueuedThreadPool(64, 2);
		threads.setName("dynamodown-embedded");
		// A server the application forgot to close must not keep the JVM alive.
		threads.setDaemon(true);
		this.jetty = new Server(threads);
		ContextHandler context = new ContextHandler();
		context.setHandler(this.handler);
		this.jetty.setHandler(new ContextHandlerCollection(context));
		this.connector = new ServerConnector(this.jetty, 1, 1);
		this.connector.setHost(HOST);
		this.connector.setPort(port);
		this.jetty.addConnector(this.connector);
	}

	/**
	 * Starts a server on the loopback address.
	 * @param port the port, {@code 0} for one the operating system picks while binding
	 * @param directory the directory of an on-disk database, or {@code null} for one in
	 * memory
	 * @param sharedDb whether all access keys and regions share one database, rather than
	 * one each
	 * @return the running server
	 * @throws IllegalStateException if it cannot start
	 */
	static LoopbackServer start(int port, @Nullable Path directory, boolean sharedDb) {
		LoopbackServer server;
		try {
			server = new LoopbackServer(port, directory, sharedDb);
		}
		catch (Exception ex) {
			throw new IllegalStateException("DynamoDB Local could not be set up: " + ex.getMessage(), ex);
		}
		try {
			server.jetty.start();
		}
		catch (Exception ex) {
			try {
				server.stop();
			}
			catch (RuntimeException stopFailure) {
				ex.addSuppressed(stopFailure);
			}
			throw new IllegalStateException(
					"DynamoDB Local did not start on " + HOST + ":" + port + ": " + ex.getMessage(), ex);
		}
		return server;
	}

	int port() {
		return this.connector.getLocalPort();
	}

	InetSocketAddress boundAddress() {
		try {
			return (InetSocketAddress) ((ServerSocketChannel) this.connector.getTransport()).getLocalAddress();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops Jetty, which frees the port, then drops the databases.
	 * @throws IllegalStateException if Jetty did not stop cleanly
	 */
	void stop() {
		try {
			this.jetty.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("DynamoDB Local at " + HOST + ":" + port() + " did not stop cleanly", ex);
		}
		finally {
			shutDownDatabasesNow();
			this.handler.close();
		}
	}

	/**
	 * DynamoDB Local's own shutdown only asks each database's jobs to end, and its stream
	 * shard scheduler notices that after sleeping out a 7.5-minute interval in a
	 * non-daemon thread, which keeps the JVM alive that long. Its {@code shutdownNow()}
	 * interrupts the sleep, but the databases sit in a private map, hence the reflection.
	 * The map is emptied so that the handler's own shutdown does not close them twice; if
	 * the field cannot be read (another DynamoDB Local version), that shutdown still
	 * runs.
	 */
	private void shutDownDatabasesNow() {
		try {
			Field field = LocalDynamoDBRequestHandler.class.getDeclaredField("dbRequestHandlers");
			field.setAccessible(true);
			// The request handler guards the map with its own monitor.
			synchronized (this.databases) {
				Map<?, ?> byCredentials = (Map<?, ?>) field.get(this.databases);
				for (Object database : byCredentials.values()) {
					((AmazonDynamoDBLocal) database).shutdownNow();
				}
				byCredentials.clear();
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.debug("DynamoDB Local's databases could not be shut down at once; "
					+ "their background threads may linger for minutes", ex);
		}
	}

}
