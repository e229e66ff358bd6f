package io.dynamodown.internal.changes;

import java.net.URI;
import java.util.Optional;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;

/**
 * The DynamoDB Streams client of a store: the one given to its builder, or one built on
 * first use from the DynamoDB client's configuration (region, credentials, endpoint
 * override, retry strategy, timeouts, headers, metric publishers), which the store then
 * owns and closes. An endpoint override is taken to serve both APIs, as a local
 * DynamoDB-compatible server does; an override that names an AWS host is DynamoDB's alone
 * (DynamoDB Streams has endpoints of its own), so then a client must be given.
 */
public final class StreamsClients implements AutoCloseable {

	private final DynamoDbClient dynamoDb;

	private final @Nullable DynamoDbStreamsClient given;

	private @Nullable DynamoDbStreamsClient built;

	/**
	 * Creates the source of a store's streams client.
	 * @param dynamoDb the store's DynamoDB client
	 * @param given the streams client given to the builder, or {@code null}
	 */
	public StreamsClients(DynamoDbClient dynamoDb, @Nullable DynamoDbStreamsClient given) {
		this.dynamoDb = dynamoDb;
		this.given = given;
	}

	/**
	 * The streams client, built on the first call when none was given.
	 * @return the client
	 * @throws StoreFailure {@link Kind#STREAM_UNAVAILABLE} naming
	 * {@code LevelDbBuilder.streamsClient} when none can be built
	 */
	public synchronized DynamoDbStreamsClient get() {
		if (this.given != null) {
			return this.given;
		}
		if (this.built == null) {
			this.built = build(this.dynamoDb.serviceClientConfiguration());
		}
		return this.built;
	}

	private static DynamoDbStreamsClient build(DynamoDbServiceClientConfiguration configuration) {
		Optional<URI> endpoint = configuration.endpointOverride();
		if (endpoint.isPresent() && isAwsHost(endpoint.get())) {
			throw new StoreFailure(Kind.STREAM_UNAVAILABLE,
					"the DynamoDB client's endpoint " + endpoint.get()
							+ " is DynamoDB's, not DynamoDB Streams': give the store a DynamoDbStreamsClient with"
							+ " LevelDbBuilder.streamsClient");
		}
		try {
			DynamoDbStreamsClientBuilder builder = DynamoDbStreamsClient.builder()
				.region(configuration.region())
				.credentialsProvider(configuration.credentialsProvider())
				.overrideConfiguration(settingsOf(configuration.overrideConfiguration()));
			endpoint.ifPresent(builder::endpointOverride);
			return builder.build();
		}
		catch (SdkException | IllegalStateException ex) {
			throw new StoreFailure(Kind.STREAM_UNAVAILABLE,
					"no DynamoDbStreamsClient could be built from the DynamoDB client's configuration ("
							+ ex.getMessage() + "): give the store one with LevelDbBuilder.streamsClient",
					ex);
		}
	}

	/**
	 * The settings of the DynamoDB client that apply to any client: its retry strategy,
	 * timeouts, headers and metric publishers. Not its interceptors, which may expect
	 * DynamoDB's requests, nor what is DynamoDB's own (its auth scheme provider).
	 */
	private static ClientOverrideConfiguration settingsOf(ClientOverrideConfiguration dynamoDb) {
		ClientOverrideConfiguration.Builder settings = ClientOverrideConfiguration.builder()
			.headers(dynamoDb.headers())
			.metricPublishers(dynamoDb.metricPublishers());
		dynamoDb.retryStrategy().ifPresent(settings::retryStrategy);
		dynamoDb.apiCallTimeout().ifPresent(settings::apiCallTimeout);
		dynamoDb.apiCallAttemptTimeout().ifPresent(settings::apiCallAttemptTimeout);
		return settings.build();
	}

	private static boolean isAwsHost(URI endpoint) {
		String host = endpoint.getHost();
		return host != null && (host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn"));
	}

	/**
	 * Closes the client built here, if any; a client given to the builder is the
	 * application's.
	 */
	@Override
	public synchronized void close() {
		if (this.built != null) {
			this.built.close();
			this.built = null;
		}
	}

}
