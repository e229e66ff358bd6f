package io.dynamodown.boot.autoconfigure;

import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Callback to tune the {@link DynamoDbClientBuilder} of the client that the starter
 * builds without replacing it. Beans of this type are applied in
 * {@link org.springframework.core.annotation.Order order}, after the endpoint, region and
 * credentials from the connection details, which they may change. A customizer may also
 * set the HTTP client and its connection and socket timeouts, and anything of the
 * override configuration (execution interceptors, headers, metric publishers), through
 * either form of {@code overrideConfiguration}. The retry strategy and the API call and
 * attempt timeouts are the starter's: they are set after every customizer, from
 * {@code dynamodown.retry.*}, {@code dynamodown.timeout} and
 * {@code dynamodown.attempt-timeout}, because the store's own retries and deadlines
 * depend on them; change those properties instead. Not used when the application defines
 * its own {@code DynamoDbClient}.
 */
@FunctionalInterface
public interface DynamoDbClientBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder to customize
	 */
	void customize(DynamoDbClientBuilder builder);

}
