package io.dynamodown.boot.autoconfigure;

import java.net.URI;

import io.dynamodown.autoconfigure.LevelDbConnectionDetails;
import org.jspecify.annotations.Nullable;

/**
 * {@link DynamoDbConnectionDetails} read from {@link DynamoDownProperties}.
 */
@SuppressWarnings("removal") // the alias, so that injection points of the old type find
								// it
final class PropertiesDynamoDbConnectionDetails implements LevelDbConnectionDetails {

	private final DynamoDownProperties properties;

	PropertiesDynamoDbConnectionDetails(DynamoDownProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable URI getEndpoint() {
		return PropertiesOptions.endpoint(this.properties);
	}

	@Override
	public @Nullable String getRegion() {
		return this.properties.getRegion();
	}

	@Override
	public @Nullable Credentials getCredentials() {
		String accessKeyId = this.properties.getCredentials().getAccessKeyId();
		String secretAccessKey = this.properties.getCredentials().getSecretAccessKey();
		if (accessKeyId == null || secretAccessKey == null) {
			return null;
		}
		return new Credentials(accessKeyId, secretAccessKey);
	}

}
