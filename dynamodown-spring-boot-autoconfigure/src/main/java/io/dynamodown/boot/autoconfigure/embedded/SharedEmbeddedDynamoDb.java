package io.dynamodown.boot.autoconfigure.embedded;

import io.dynamodown.boot.autoconfigure.LevelDbConnectionDetails;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory {@link EmbeddedDynamoDb} that every test application context of this JVM
 * shares, seen from one context: the server is started by the first context that uses it
 * (never by a context whose application defines its own client) and stopped when the JVM
 * exits; each context connects with an access key id of its own, so it has a database of
 * its own on the server.
 */
final class SharedEmbeddedDynamoDb {

	private static @Nullable EmbeddedDynamoDb server;

	private final String accessKeyId;

	/**
	 * Creates the view of one context.
	 * @param accessKeyId the access key id of the context's database
	 */
	SharedEmbeddedDynamoDb(String accessKeyId) {
		this.accessKeyId = accessKeyId;
	}

	/**
	 * The JVM's shared server, started on first use.
	 * @return the running server
	 */
	EmbeddedDynamoDb server() {
		return sharedServer();
	}

	/**
	 * The connection details of this context's database on the shared server.
	 * @return the connection details
	 */
	LevelDbConnectionDetails connectionDetails() {
		return new EmbeddedDynamoDbAutoConfiguration.EmbeddedConnectionDetails(server().endpoint(), this.accessKeyId,
				"local");
	}

	private static synchronized EmbeddedDynamoDb sharedServer() {
		EmbeddedDynamoDb shared = server;
		if (shared == null) {
			shared = EmbeddedDynamoDb.startWithDatabasePerAccessKey();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "dynamodown-embedded-shutdown"));
			EmbeddedDynamoDbLogging.started(shared, true);
			server = shared;
		}
		return shared;
	}

}
