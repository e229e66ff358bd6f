package io.dynamodown.boot.testcontainers;

import java.net.URI;

import io.dynamodown.autoconfigure.LevelDbConnectionDetails;
import io.dynamodown.boot.autoconfigure.DynamoDbConnectionDetails;
import org.testcontainers.containers.GenericContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * {@link ContainerConnectionDetailsFactory} to create {@link DynamoDbConnectionDetails}
 * from a {@link ServiceConnection @ServiceConnection}-annotated {@link GenericContainer}
 * running the {@code amazon/dynamodb-local} image (port 8000).
 */
class DynamoDbLocalContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<GenericContainer<?>, DynamoDbConnectionDetails> {

	static final int PORT = 8000;

	DynamoDbLocalContainerConnectionDetailsFactory() {
		super("amazon/dynamodb-local");
	}

	@Override
	protected DynamoDbConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<GenericContainer<?>> source) {
		return new DynamoDbLocalContainerConnectionDetails(source);
	}

	/**
	 * {@link DynamoDbConnectionDetails} backed by a {@link ContainerConnectionSource}.
	 */
	@SuppressWarnings("removal") // the alias, so that injection points of the old type
									// find it
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
