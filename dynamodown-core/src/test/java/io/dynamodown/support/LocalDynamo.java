package io.dynamodown.support;

import java.util.concurrent.atomic.AtomicInteger;

import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbBuilder;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One embedded DynamoDB server for the whole test run (in-process, loopback, free port),
 * and fresh tables on it.
 */
public final class LocalDynamo {

	private static final AtomicInteger TABLES = new AtomicInteger();

	private static EmbeddedDynamoDb server;

	private LocalDynamo() {
	}

	/**
	 * The shared server, started on first use and stopped when the JVM exits.
	 * @return the server
	 */
	public static synchronized EmbeddedDynamoDb server() {
		if (server == null) {
			server = EmbeddedDynamoDb.start();
			EmbeddedDynamoDb started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(started::close));
		}
		return server;
	}

	/**
	 * A client of the shared server.
	 * @return the client
	 */
	public static DynamoDbClient client() {
		return server().client();
	}

	/**
	 * A table name not used before in this run.
	 * @return the name
	 */
	public static String freshTable() {
		return "test-" + TABLES.incrementAndGet();
	}

	/**
	 * A builder for a store on a fresh table, reporting to {@code listener}.
	 * @param listener the listener
	 * @return the builder
	 */
	public static LevelDbBuilder freshStore(RecordingListener listener) {
		return LevelDb.builder(client()).table(freshTable()).listener(listener);
	}

}
