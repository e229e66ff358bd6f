package io.dynamodown.fault;

import java.net.URI;
import java.time.Duration;

import io.dynamodown.LevelDbBuilder;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.retry.RetryPolicy;
import io.dynamodown.support.LocalDynamo;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Clients and stores that talk to the embedded server through a
 * {@link FaultInjectingProxy}, with fast retries.
 */
final class FaultClients {

	/** The store's own retries: 20 attempts, 5 ms doubling to 100 ms, 30 s overall. */
	static final RetryPolicy FAST_RETRIES = new RetryPolicy(20, Duration.ofMillis(5), Duration.ofMillis(100),
			Duration.ofSeconds(30));

	private FaultClients() {
	}

	/**
	 * A client of {@code endpoint} whose SDK retry strategy makes up to
	 * {@code maxAttempts} attempts with short back-offs.
	 * @param endpoint the proxy's endpoint
	 * @param maxAttempts the SDK's attempts per call
	 * @return the client, to close
	 */
	static DynamoDbClient client(URI endpoint, int maxAttempts) {
		BackoffStrategy backoff = BackoffStrategy.exponentialDelay(Duration.ofMillis(5), Duration.ofMillis(100));
		return DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
				.toBuilder()
				.maxAttempts(maxAttempts)
				.circuitBreakerEnabled(false)
				.backoffStrategy(backoff)
				.throttlingBackoffStrategy(backoff)
				.build()))
			.build();
	}

	/**
	 * A builder for a store on {@code table} through {@code client}, with
	 * {@link #FAST_RETRIES}.
	 * @param client the client (through the proxy)
	 * @param table the table
	 * @param listener the listener
	 * @return the builder
	 */
	static LevelDbBuilder store(DynamoDbClient client, String table, RequestListener listener) {
		return io.dynamodown.LevelDb.builder(client).table(table).listener(listener).retryPolicy(FAST_RETRIES);
	}

	/**
	 * The embedded server's own endpoint (no proxy).
	 * @return the endpoint
	 */
	static URI upstream() {
		return LocalDynamo.server().endpoint();
	}

}
