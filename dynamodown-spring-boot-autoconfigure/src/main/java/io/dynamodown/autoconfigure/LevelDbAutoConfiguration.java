package io.dynamodown.autoconfigure;

import io.dynamodown.LevelDb;
import io.dynamodown.autoconfigure.LevelDbConnectionDetails.Credentials;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.retry.RetryPolicy;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for a {@link LevelDb} store: uses the application's
 * {@link DynamoDbClient} when it has one, else builds one from
 * {@link LevelDbConnectionDetails} (by default the {@code dynamodown.*} properties),
 * tuned by {@link DynamoDbClientBuilderCustomizer} beans. Every {@link RequestListener}
 * bean is notified of the store's requests.
 */
@AutoConfiguration
@ConditionalOnClass({ LevelDb.class, DynamoDbClient.class })
@EnableConfigurationProperties(DynamoDownProperties.class)
public final class LevelDbAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LevelDbConnectionDetails levelDbConnectionDetails(DynamoDownProperties properties) {
		return new PropertiesLevelDbConnectionDetails(properties);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	DynamoDbClient dynamoDbClient(DynamoDownProperties properties, LevelDbConnectionDetails connectionDetails,
			ObjectProvider<DynamoDbClientBuilderCustomizer> customizers) {
		DynamoDbClientBuilder builder = DynamoDbClient.builder();
		if (connectionDetails.getEndpoint() != null) {
			builder.endpointOverride(connectionDetails.getEndpoint());
		}
		if (connectionDetails.getRegion() != null) {
			builder.region(Region.of(connectionDetails.getRegion()));
		}
		builder.credentialsProvider(credentialsProvider(connectionDetails.getCredentials()));
		RetryPolicy retry = PropertiesValidator.retryPolicy(properties.getRetry());
		BackoffStrategy backoff = backoff(retry);
		builder.overrideConfiguration(
				(configuration) -> configuration.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
					.toBuilder()
					.maxAttempts(retry.maxAttempts())
					.backoffStrategy(backoff)
					.throttlingBackoffStrategy(backoff)
					.build()));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	LevelDb levelDb(DynamoDbClient client, DynamoDownProperties properties, ObjectProvider<RequestListener> listeners) {
		return LevelDb.builder(client)
			.table(PropertiesValidator.requireTable(properties))
			.hashKey(properties.getHashKey())
			.createIfMissing(properties.isCreateIfMissing())
			.errorIfExists(properties.isErrorIfExists())
			.billing(PropertiesValidator.billing(properties))
			.consistentReads(properties.isConsistentReads())
			.readAhead(properties.isReadAhead())
			.concurrency(PropertiesValidator.concurrency(properties))
			.retryPolicy(PropertiesValidator.retryPolicy(properties.getRetry()))
			.listener(CompositeRequestListener.of(listeners.orderedStream().toList()))
			.open();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class SecretSanitizingConfiguration {

		/**
		 * Masks the secret access key in actuator endpoints even when they are set to
		 * show values ({@code show-values=always}).
		 * @return the sanitizing function
		 */
		@Bean
		SanitizingFunction dynamodownSecretSanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyEndsWith("secretaccesskey", "secret-access-key");
		}

	}

	private static AwsCredentialsProvider credentialsProvider(@Nullable Credentials credentials) {
		if (credentials == null) {
			return DefaultCredentialsProvider.builder().build();
		}
		return StaticCredentialsProvider
			.create(AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()));
	}

	private static BackoffStrategy backoff(RetryPolicy retry) {
		if (retry.baseDelay().isZero()) {
			return BackoffStrategy.retryImmediately();
		}
		return BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxDelay());
	}

}
