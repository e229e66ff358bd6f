package io.dynamodown.autoconfigure;

import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.Environment;

/**
 * What the embedded server says in the application's log: one INFO line naming its
 * endpoint and where its data lives, and nothing of DynamoDB Local's own chatter (two
 * INFO lines per request, a WARN with a stack trace for each request on a missing table,
 * as every fresh start makes) unless the application sets a level for
 * {@value #DYNAMODB_LOCAL_LOGGER} or one of its parents itself.
 */
final class EmbeddedDynamoDbLogging {

	/** The logger DynamoDB Local's classes log under. */
	static final String DYNAMODB_LOCAL_LOGGER = "com.amazonaws.services.dynamodbv2.local";

	private static final Log logger = LogFactory.getLog(EmbeddedDynamoDb.class);

	private EmbeddedDynamoDbLogging() {
	}

	/**
	 * Sets DynamoDB Local's logger to {@code ERROR}, unless the environment sets a level
	 * for it or a parent.
	 * @param environment the application's environment
	 */
	static void quietenDynamoDbLocal(Environment environment) {
		String name = DYNAMODB_LOCAL_LOGGER;
		while (true) {
			if (environment.containsProperty("logging.level." + name)) {
				return;
			}
			int dot = name.lastIndexOf('.');
			if (dot < 0) {
				break;
			}
			name = name.substring(0, dot);
		}
		LoggingSystem.get(EmbeddedDynamoDbLogging.class.getClassLoader())
			.setLogLevel(DYNAMODB_LOCAL_LOGGER, LogLevel.ERROR);
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
		logger.info("DynamoDB Local (dynamodown.embedded) started at " + server.endpoint() + ", data " + data
				+ (sharedByTests ? ", shared by every test context of this JVM" : ""));
	}

}
