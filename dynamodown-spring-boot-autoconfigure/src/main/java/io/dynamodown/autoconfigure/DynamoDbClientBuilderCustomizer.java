package io.dynamodown.autoconfigure;

import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Callback to tune the {@link DynamoDbClientBuilder} of the client that the starter
 * builds (HTTP client, timeouts, interceptors) without replacing it. Beans of this type
 * are applied in {@link org.springframework.core.annotation.Order order}, after the
 * {@code dynamodown.*} properties. Not used when the application defines its own
 * {@code DynamoDbClient}.
 */
@FunctionalInterface
public interface DynamoDbClientBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder to customize
	 */
	void customize(DynamoDbClientBuilder builder);

}
