package io.dynamodown.boot.autoconfigure;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details required to connect to DynamoDB (an endpoint, a region and credentials): used
 * to build the {@code DynamoDbClient} when the application has none. Defaults to the
 * {@code dynamodown.*} properties; the embedded server and Testcontainers provide their
 * own, and so can the application, with a bean of this type.
 */
public interface DynamoDbConnectionDetails extends ConnectionDetails {

	/**
	 * The endpoint override, such as the URL of the embedded server or of another
	 * DynamoDB-compatible server on this machine.
	 * @return the endpoint, or {@code null} for the region's AWS endpoint
	 */
	@Nullable URI getEndpoint();

	/**
	 * The AWS region.
	 * @return the region id, or {@code null} for the SDK's default region chain
	 */
	@Nullable String getRegion();

	/**
	 * Static credentials.
	 * @return the credentials, or {@code null} for the SDK's default credentials chain
	 */
	default @Nullable Credentials getCredentials() {
		return null;
	}

	/**
	 * Static AWS credentials. {@link #toString()} never shows the secret.
	 *
	 * @param accessKeyId the access key id
	 * @param secretAccessKey the secret access key
	 */
	record Credentials(String accessKeyId, String secretAccessKey) {

		/**
		 * Creates credentials.
		 * @param accessKeyId the access key id
		 * @param secretAccessKey the secret access key
		 */
		public Credentials {
			Objects.requireNonNull(accessKeyId, "'accessKeyId' must not be null");
			Objects.requireNonNull(secretAccessKey, "'secretAccessKey' must not be null");
		}

		@Override
		public String toString() {
			return "Credentials[accessKeyId=" + this.accessKeyId + ", secretAccessKey=******]";
		}

	}

}
