package io.dynamodown.autoconfigure;

import java.net.URI;

import io.dynamodown.embedded.EmbeddedDynamoDb;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that starts {@link EmbeddedDynamoDb DynamoDB Local} in-process when
 * {@code dynamodown.embedded.enabled=true} and connects the store to it, for development
 * and tests without an AWS account or Docker. The server stops with the application
 * context.
 */
@AutoConfiguration(before = LevelDbAutoConfiguration.class)
@ConditionalOnClass(EmbeddedDynamoDb.class)
@ConditionalOnBooleanProperty("dynamodown.embedded.enabled")
public final class EmbeddedDynamoDbAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	EmbeddedDynamoDb embeddedDynamoDb() {
		return EmbeddedDynamoDb.start();
	}

	@Bean
	@ConditionalOnMissingBean
	LevelDbConnectionDetails embeddedLevelDbConnectionDetails(EmbeddedDynamoDb server) {
		return new EmbeddedConnectionDetails(server.endpoint());
	}

	/**
	 * {@link LevelDbConnectionDetails} of the embedded server. DynamoDB Local keeps one
	 * database per access key id and region, so these match the server's own
	 * {@link EmbeddedDynamoDb#client() client}.
	 */
	static final class EmbeddedConnectionDetails implements LevelDbConnectionDetails {

		private final URI endpoint;

		EmbeddedConnectionDetails(URI endpoint) {
			this.endpoint = endpoint;
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
			return new Credentials("local", "local");
		}

	}

}
