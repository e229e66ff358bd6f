package io.dynamodown.boot.autoconfigure;

import java.net.URI;
import java.time.Clock;

import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbBuilder;
import io.dynamodown.LevelDbException;
import io.dynamodown.LevelDbOptions;
import io.dynamodown.boot.autoconfigure.DynamoDbConnectionDetails.Credentials;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.observation.StoreObservationConvention;
import io.dynamodown.retry.RetryPolicy;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for a {@link LevelDb} store: uses the application's
 * {@link DynamoDbClient} when it has one, else builds one from
 * {@link DynamoDbConnectionDetails} (by default the {@code dynamodown.*} properties),
 * tuned by {@link DynamoDbClientBuilderCustomizer} beans; the store's builder is tuned by
 * {@link LevelDbBuilderCustomizer} beans. When the starter builds the client, it also
 * builds a {@link DynamoDbStreamsClient} for the change feed with the same connection,
 * retry and timeouts (unless the application has one); a {@link DynamoDbStreamsClient}
 * bean, if any, is the store's. Every {@link RequestListener} bean is notified of the
 * store's requests; a single {@link Clock} bean, if any, is the store's clock for expiry.
 * A store that cannot be opened fails startup with a {@link LevelDbOpenException}, which
 * a failure analyzer explains. Keys under {@code dynamodown.*} that no property binds are
 * reported before any bean is created (see
 * {@code dynamodown.fail-on-unknown-properties}). Each entry of
 * {@code dynamodown.stores.<name>.*} is a further {@code LevelDb} bean named
 * {@code <name>LevelDb} with the qualifier {@code <name>}, built the same way on the same
 * client; the single store is then created only when {@code dynamodown.table} is set, as
 * the primary {@code LevelDb}.
 */
@AutoConfiguration
@ConditionalOnClass({ LevelDb.class, DynamoDbClient.class })
@EnableConfigurationProperties(DynamoDownProperties.class)
@Import(LevelDbStoresRegistrar.class)
public final class LevelDbAutoConfiguration {

	@Bean
	static UnknownPropertiesReporter dynamodownUnknownPropertiesReporter(Environment environment) {
		return new UnknownPropertiesReporter(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	DynamoDbConnectionDetails dynamoDbConnectionDetails(DynamoDownProperties properties) {
		return new PropertiesDynamoDbConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	RetryPolicy dynamodownRetryPolicy(DynamoDownProperties properties) {
		return PropertiesOptions.retryPolicy(properties.getRetry());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	@Conditional(SingleStoreCondition.class)
	LevelDb levelDb(ObjectProvider<DynamoDbClient> clients, ObjectProvider<DynamoDbStreamsClient> streamsClients,
			DynamoDownProperties properties, RetryPolicy retry, ObjectProvider<RequestListener> listeners,
			ObjectProvider<Clock> clocks, ObjectProvider<LevelDbBuilderCustomizer> customizers) {
		// Before the client, so that an invalid property is reported before a client
		// that cannot be built.
		LevelDbOptions options = PropertiesOptions.options(properties, retry);
		return open("dynamodown", clients.getObject(), streamsClients, options, listeners, clocks, customizers);
	}

	/**
	 * Opens a store from its options: the single store, or one of
	 * {@code dynamodown.stores}.
	 * @param propertyPrefix where the store's own properties are ({@code dynamodown} or
	 * an entry of {@code dynamodown.stores}), for failures to name them
	 * @param client the client
	 * @param streamsClients the streams client of the change feed, if the context has
	 * one; else the store derives one from the client when a subscription needs it
	 * @param options the store's options
	 * @param listeners the request listeners
	 * @param clocks the clocks
	 * @param customizers the builder customizers
	 * @return the open store
	 * @throws LevelDbOpenException when the store cannot be opened
	 */
	static LevelDb open(String propertyPrefix, DynamoDbClient client,
			ObjectProvider<DynamoDbStreamsClient> streamsClients, LevelDbOptions options,
			ObjectProvider<RequestListener> listeners, ObjectProvider<Clock> clocks,
			ObjectProvider<LevelDbBuilderCustomizer> customizers) {
		DynamoDbServiceClientConfiguration configuration = client.serviceClientConfiguration();
		String region = (configuration.region() != null) ? configuration.region().id() : null;
		try {
			LevelDbBuilder builder = LevelDb.builder(client)
				.options(options)
				.listener(CompositeRequestListener.of(listeners.orderedStream().toList()));
			clocks.ifUnique(builder::clock);
			streamsClients.ifUnique(builder::streamsClient);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.open();
		}
		catch (LevelDbException ex) {
			throw new LevelDbOpenException(options.table(), options.hashKey(),
					configuration.endpointOverride().orElse(null), region, ex, propertyPrefix);
		}
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	DynamoDbClient dynamoDbClient(DynamoDbConnectionDetails connectionDetails, DynamoDownProperties properties,
			RetryPolicy retry, ObjectProvider<DynamoDbClientBuilderCustomizer> customizers) {
		DynamoDbClientBuilder builder = connect(DynamoDbClient.builder(), connectionDetails);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		applyRetryAndTimeouts(builder, properties, retry);
		return build(builder, connectionDetails);
	}

	/**
	 * Builds a client: a missing region, which the SDK only finds out here, is reported
	 * as the property to set.
	 */
	private static <C> C build(AwsClientBuilder<?, C> builder, DynamoDbConnectionDetails connectionDetails) {
		try {
			return builder.build();
		}
		catch (SdkClientException ex) {
			if (connectionDetails.getRegion() == null) {
				throw new InvalidDynamoDownPropertyException("dynamodown.region", null,
						"must be set, as no region was found in the SDK's default chain either (AWS_REGION, "
								+ "the aws.region system property, the profile or instance metadata)");
			}
			throw ex;
		}
	}

	private static <B extends AwsClientBuilder<B, ?>> B connect(B builder,
			DynamoDbConnectionDetails connectionDetails) {
		URI endpoint = connectionDetails.getEndpoint();
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		String region = connectionDetails.getRegion();
		if (region != null) {
			builder.region(Region.of(region));
		}
		return builder.credentialsProvider(credentialsProvider(connectionDetails.getCredentials()));
	}

	/**
	 * The streams client of the change feed, when the starter builds the DynamoDB client
	 * (a nested class, so that its condition sees the application's clients only): the
	 * same endpoint, region, credentials, retry strategy and timeouts. The
	 * {@link DynamoDbClientBuilderCustomizer} beans tune the DynamoDB client's builder
	 * only. When the application defines its own {@link DynamoDbClient}, the store
	 * derives a streams client from it instead. Lazy: built when a store is, after its
	 * options are checked and the DynamoDB client is built, so that a property error is
	 * reported as it was without it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(DynamoDbClient.class)
	static class StreamsClientConfiguration {

		@Bean(destroyMethod = "close")
		@Lazy
		@ConditionalOnMissingBean
		DynamoDbStreamsClient dynamoDbStreamsClient(DynamoDbConnectionDetails connectionDetails,
				DynamoDownProperties properties, RetryPolicy retry) {
			return build(applyRetryAndTimeouts(connect(DynamoDbStreamsClient.builder(), connectionDetails), properties,
					retry), connectionDetails);
		}

	}

	/**
	 * Matches unless {@code dynamodown.stores} has entries and {@code dynamodown.table}
	 * is not set: the single store is created when it is configured, or when it is the
	 * only form used (and then fails startup without a table, naming the property).
	 */
	static final class SingleStoreCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("dynamodown single store");
			Environment environment = context.getEnvironment();
			if (environment.containsProperty("dynamodown.table")) {
				return ConditionOutcome.match(message.found("property").items("dynamodown.table"));
			}
			if (LevelDbStoresRegistrar.stores(environment).isEmpty()) {
				return ConditionOutcome.match(message.because("no dynamodown.stores are configured"));
			}
			return ConditionOutcome
				.noMatch(message.because("dynamodown.stores are configured and dynamodown.table is not set"));
		}

	}

	/**
	 * Makes {@code dynamodown.embedded.enabled=true} without the embedded module fail
	 * startup with an explanation rather than fall back to AWS.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("dynamodown.embedded.enabled")
	@ConditionalOnMissingClass("io.dynamodown.embedded.EmbeddedDynamoDb")
	static class EmbeddedModuleMissingConfiguration {

		@Bean
		DynamoDbConnectionDetails embeddedDynamoDbConnectionDetails() {
			throw new EmbeddedModuleMissingException();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationRegistry.class)
	static class ObservationConfiguration {

		@Bean
		@Order(0)
		LevelDbBuilderCustomizer dynamodownObservationCustomizer(ObjectProvider<ObservationRegistry> registries,
				ObjectProvider<StoreObservationConvention> conventions) {
			return (builder) -> {
				ObservationRegistry registry = registries.getIfUnique();
				if (registry != null && !registry.isNoop()) {
					builder.observationRegistry(registry);
					conventions.ifUnique(builder::observationConvention);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class SecretSanitizingConfiguration {

		@Bean
		SecretSanitizingFunction dynamodownSecretSanitizingFunction(DynamoDownProperties properties) {
			return new SecretSanitizingFunction(properties.getCredentials().getSecretAccessKey());
		}

	}

	private static AwsCredentialsProvider credentialsProvider(@Nullable Credentials credentials) {
		if (credentials == null) {
			return DefaultCredentialsProvider.builder().build();
		}
		return StaticCredentialsProvider
			.create(AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()));
	}

	/**
	 * Sets the retry strategy and both timeouts on the configuration the customizers
	 * leave, keeping everything else they set (interceptors, headers, metric publishers).
	 * They come last because the SDK's {@code overrideConfiguration(Consumer)} starts
	 * from an empty configuration, and because the store relies on them: its own deadline
	 * handling assumes the client gives up within {@code dynamodown.timeout}.
	 */
	private static <B extends AwsClientBuilder<B, ?>> B applyRetryAndTimeouts(B builder,
			DynamoDownProperties properties, RetryPolicy retry) {
		BackoffStrategy backoff = backoff(retry);
		builder.overrideConfiguration(builder.overrideConfiguration()
			.toBuilder()
			.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
				.toBuilder()
				.maxAttempts(retry.maxAttempts())
				.backoffStrategy(backoff)
				.throttlingBackoffStrategy(backoff)
				.build())
			.apiCallTimeout(properties.getTimeout())
			.apiCallAttemptTimeout(properties.getAttemptTimeout())
			.build());
		return builder;
	}

	private static BackoffStrategy backoff(RetryPolicy retry) {
		if (retry.baseDelay().isZero()) {
			return BackoffStrategy.retryImmediately();
		}
		return BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxDelay());
	}

}
