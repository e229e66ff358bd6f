package io.dynamodown.boot.autoconfigure.embedded;

import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What the embedded server says in the application's log: one INFO line naming its
 * endpoint and where its data lives. The server itself logs nothing above DEBUG.
 */
final class EmbeddedDynamoDbLogging {

	private static final Log logger = LogFactory.getLog(EmbeddedDynamoDb.class);

	private EmbeddedDynamoDbLogging() {
	}

	/**
	 * Logs the line that names a started server.
	 * @param server the server
	 * @param sharedByTests whether the server is the one every test context of this JVM
	 * shares
	 */
	static void started(EmbeddedDynamoDb server, boolean sharedByTests) {
		String data = (server.directory() != null) ? "on disk in " + server.directory()
				: "in memory (lost when it stops; set dynamodown.embedded.path to keep it)";
		logger.info("Embedded DynamoDB server (dynamodown.embedded) started at " + server.endpoint() + ", data " + data
				+ (sharedByTests ? ", shared by every test context of this JVM" : ""));
	}

}
