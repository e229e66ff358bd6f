package io.dynamodown.boot.autoconfigure.embedded;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.dynamodown.autoconfigure.LevelDbConnectionDetails;
import io.dynamodown.boot.autoconfigure.DynamoDbConnectionDetails;
import io.dynamodown.boot.autoconfigure.DynamoDownProperties;
import io.dynamodown.boot.autoconfigure.InvalidDynamoDownPropertyException;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that starts {@link EmbeddedDynamoDb the project's
 * DynamoDB-compatible server} in-process when {@code dynamodown.embedded.enabled=true}
 * and connects the store to it, for development and tests without an AWS account or
 * Docker. The server listens on {@code 127.0.0.1}, on a free port unless
 * {@code dynamodown.embedded.port} names one. The database is in memory unless
 * {@code dynamodown.embedded.path} names a directory. Unless
 * {@code dynamodown.embedded.require-signature=false}, the server accepts only requests
 * signed with its own random credentials, which its connection details give to the client
 * the starter builds. The server stops with the application context. When the application
 * defines its own {@link DynamoDbClient}, no server is started (the store would not use
 * it) and one INFO line says so. An {@link EmbeddedDynamoDb} bean or
 * {@link DynamoDbConnectionDetails} bean of the context's own replaces the server or its
 * connection details: {@code dynamodown-spring-boot-test} provides both in tests, where
 * every context shares one server per JVM, with a database of its own.
 */
@AutoConfiguration(before = LevelDbAutoConfiguration.class)
@ConditionalOnClass(EmbeddedDynamoDb.class)
@ConditionalOnBooleanProperty("dynamodown.embedded.enabled")
@EnableConfigurationProperties(DynamoDownProperties.class)
public final class EmbeddedDynamoDbAutoConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedDynamoDbAutoConfiguration.class);

	/**
	 * The logger of the server's one line in the application's log; the server itself
	 * logs nothing above DEBUG.
	 */
	private static final Log serverLogger = LogFactory.getLog(EmbeddedDynamoDb.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(DynamoDbClient.class)
	static class ServerConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		EmbeddedDynamoDb embeddedDynamoDb(DynamoDownProperties properties) {
			DynamoDownProperties.Embedded embedded = properties.getEmbedded();
			Path path = directory(embedded.getPath());
			int port = port(embedded.getPort());
			EmbeddedDynamoDb server;
			try {
				server = EmbeddedDynamoDb.start(port, path, embedded.isRequireSignature());
			}
			catch (IllegalStateException ex) {
				if (path != null && !Files.isDirectory(path)) {
					throw new InvalidDynamoDownPropertyException("dynamodown.embedded.path", path,
							"must name a directory that exists or can be created, but it could not be created ("
									+ ex.getCause() + ")");
				}
				if (port != 0) {
					throw new InvalidDynamoDownPropertyException("dynamodown.embedded.port", port,
							"must be a port of 127.0.0.1 that is free, or 0 for a free one picked at each start, but "
									+ "the server could not listen on it (" + ex.getCause() + ")");
				}
				throw ex;
			}
			String data = (server.directory() != null) ? "on disk in " + server.directory()
					: "in memory (lost when it stops; set dynamodown.embedded.path to keep it)";
			serverLogger.info("Embedded DynamoDB server (dynamodown.embedded) started at " + server.endpoint()
					+ ", data " + data);
			return server;
		}

		private static int port(int port) {
			if (port < 0 || port > 65535) {
				throw new InvalidDynamoDownPropertyException("dynamodown.embedded.port", port,
						"must be 0 (a free port) to 65535");
			}
			return port;
		}

		private static @Nullable Path directory(@Nullable Path path) {
			if (path != null && Files.exists(path) && !Files.isDirectory(path)) {
				throw new InvalidDynamoDownPropertyException("dynamodown.embedded.path", path,
						"must name a directory (created if missing), but names a file");
			}
			return path;
		}

		@Bean
		@ConditionalOnMissingBean
		DynamoDbConnectionDetails embeddedDynamoDbConnectionDetails(EmbeddedDynamoDb server) {
			return new EmbeddedConnectionDetails(server.endpoint(), server.accessKeyId(), server.secretAccessKey());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(DynamoDbClient.class)
	static class ApplicationClientConfiguration {

		@Bean
		static SmartInitializingSingleton embeddedDynamoDbNotStartedLogger(ListableBeanFactory beanFactory) {
			return () -> logger.info("Embedded DynamoDB server (dynamodown.embedded) not started: the application "
					+ "defines its own DynamoDbClient "
					+ Arrays.toString(beanFactory.getBeanNamesForType(DynamoDbClient.class))
					+ ", which the store uses instead");
		}

	}

	/**
	 * {@link DynamoDbConnectionDetails} of the embedded server, with its credentials.
	 */
	@SuppressWarnings("removal") // the alias, so that injection points of the old type
									// find it
	private static final class EmbeddedConnectionDetails implements LevelDbConnectionDetails {

		private final URI endpoint;

		private final String accessKeyId;

		private final String secretAccessKey;

		EmbeddedConnectionDetails(URI endpoint, String accessKeyId, String secretAccessKey) {
			this.endpoint = endpoint;
			this.accessKeyId = accessKeyId;
			this.secretAccessKey = secretAccessKey;
		}

		@Override
		public URI getEndpoint() {
			return this.endpoint;
		}

		@Override
		public String getRegion() {
			return "us-east-1";
		}

		@Override
		public Credentials getCredentials() {
			return new Credentials(this.accessKeyId, this.secretAccessKey);
		}

	}

}
