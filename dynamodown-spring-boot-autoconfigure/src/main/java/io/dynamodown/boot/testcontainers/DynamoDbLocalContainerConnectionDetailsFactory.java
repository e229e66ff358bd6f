package io.dynamodown.boot.testcontainers;

import java.net.URI;

import io.dynamodown.boot.autoconfigure.LevelDbConnectionDetails;
import org.testcontainers.containers.GenericContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * {@link ContainerConnectionDetailsFactory} to create {@link LevelDbConnectionDetails}
 * from a {@link ServiceConnection @ServiceConnection}-annotated {@link GenericContainer}
 * running the {@code amazon/dynamodb-local} image (port 8000).
 */
class DynamoDbLocalContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<GenericContainer<?>, LevelDbConnectionDetails> {

	static final int PORT = 8000;

	DynamoDbLocalContainerConnectionDetailsFactory() {
		super("amazon/dynamodb-local");
	}

	@Override
	protected LevelDbConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<GenericContainer<?>> source) {
		return new DynamoDbLocalContainerConnectionDetails(source);
	}

	/**
	 * {@link LevelDbConnectionDetails} backed by a {@link ContainerConnectionSource}.
	 */
	private static final class DynamoDbLocalContainerConnectionDetails
			extends ContainerConnectionDetails<GenericContainer<?>> implements LevelDbConnectionDetails {

		private DynamoDbLocalContainerConnectionDetails(ContainerConnectionSource<GenericContainer<?>> source) {
			super(source);
		}

		@Override
		public URI getEndpoint() {
			GenericContainer<?> container = getContainer();
			return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(PORT));
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
