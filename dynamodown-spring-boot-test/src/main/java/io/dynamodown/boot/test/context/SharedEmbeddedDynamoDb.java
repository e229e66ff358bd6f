package io.dynamodown.boot.test.context;

import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory {@link EmbeddedDynamoDb} that every test application context of this JVM
 * shares: started by the first context that uses it, stopped when the JVM exits. It keeps
 * a database per access key id
 * ({@link EmbeddedDynamoDb#startWithDatabasePerAccessKey()}), so each context, connecting
 * with an access key id of its own, has a database of its own.
 */
final class SharedEmbeddedDynamoDb {

	private static final Log logger = LogFactory.getLog(EmbeddedDynamoDb.class);

	private static @Nullable EmbeddedDynamoDb server;

	private SharedEmbeddedDynamoDb() {
	}

	/**
	 * The JVM's shared server, started on first use.
	 * @return the running server
	 */
	static synchronized EmbeddedDynamoDb server() {
		EmbeddedDynamoDb shared = server;
		if (shared == null) {
			shared = EmbeddedDynamoDb.startWithDatabasePerAccessKey();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "dynamodown-embedded-shutdown"));
			logger.info("Embedded DynamoDB server (dynamodown.embedded) started at " + shared.endpoint()
					+ ", data in memory, shared by every test context of this JVM with a database per context");
			server = shared;
		}
		return shared;
	}

}
