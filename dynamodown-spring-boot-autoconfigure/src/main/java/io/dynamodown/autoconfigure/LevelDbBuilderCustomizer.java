package io.dynamodown.autoconfigure;

/**
 * The former place of {@link io.dynamodown.boot.autoconfigure.LevelDbBuilderCustomizer}:
 * a bean that implements this interface is one of those and is applied as one.
 *
 * @deprecated since 0.1.0, for removal: implement
 * {@link io.dynamodown.boot.autoconfigure.LevelDbBuilderCustomizer}
 */
@Deprecated(since = "0.1.0", forRemoval = true)
@FunctionalInterface
public interface LevelDbBuilderCustomizer extends io.dynamodown.boot.autoconfigure.LevelDbBuilderCustomizer {

}
