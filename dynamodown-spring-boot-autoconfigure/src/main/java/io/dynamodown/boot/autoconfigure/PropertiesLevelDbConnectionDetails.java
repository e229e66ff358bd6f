package io.dynamodown.boot.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * {@link LevelDbConnectionDetails} read from {@link DynamoDownProperties}.
 */
final class PropertiesLevelDbConnectionDetails implements LevelDbConnectionDetails {

	private final DynamoDownProperties properties;

	PropertiesLevelDbConnectionDetails(DynamoDownProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable URI getEndpoint() {
		return PropertiesValidator.endpoint(this.properties);
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
