package io.dynamodown.autoconfigure.metrics;

import org.springframework.context.annotation.Import;

/**
 * The former name of
 * {@link io.dynamodown.boot.autoconfigure.metrics.LevelDbMetricsAutoConfiguration}.
 * Excluding this name (in {@code spring.autoconfigure.exclude} or an {@code exclude}
 * attribute) excludes that auto-configuration, through the starter's
 * {@code AutoConfiguration.replacements}; importing this class imports it.
 *
 * @deprecated since 0.1.0, for removal: name
 * {@link io.dynamodown.boot.autoconfigure.metrics.LevelDbMetricsAutoConfiguration}
 */
@Deprecated(since = "0.1.0", forRemoval = true)
@Import(io.dynamodown.boot.autoconfigure.metrics.LevelDbMetricsAutoConfiguration.class)
public final class LevelDbMetricsAutoConfiguration {

}
