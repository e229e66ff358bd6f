package io.dynamodown.autoconfigure;

/**
 * The former place of
 * {@link io.dynamodown.boot.autoconfigure.DynamoDbClientBuilderCustomizer}: a bean that
 * implements this interface is one of those and is applied as one.
 *
 * @deprecated since 0.1.0, for removal: implement
 * {@link io.dynamodown.boot.autoconfigure.DynamoDbClientBuilderCustomizer}
 */
@Deprecated(since = "0.1.0", forRemoval = true)
@FunctionalInterface
public interface DynamoDbClientBuilderCustomizer
		extends io.dynamodown.boot.autoconfigure.DynamoDbClientBuilderCustomizer {

}
