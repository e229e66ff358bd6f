package io.dynamodown.autoconfigure.metrics;

import io.dynamodown.micrometer.MicrometerRequestListener;
import io.dynamodown.LevelDb;
import io.dynamodown.autoconfigure.LevelDbAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for {@link MicrometerRequestListener}: records the requests of the
 * {@link LevelDb} bean when a {@link MeterRegistry} is available, unless
 * {@code dynamodown.metrics.enabled=false}. Ordered after the meter registry and before
 * {@link LevelDbAutoConfiguration}, which hands every listener bean to the store.
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class },
		before = LevelDbAutoConfiguration.class)
@ConditionalOnClass({ LevelDb.class, MeterRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "dynamodown.metrics", name = "enabled", matchIfMissing = true)
public final class LevelDbMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MicrometerRequestListener micrometerRequestListener(MeterRegistry registry) {
		return new MicrometerRequestListener(registry);
	}

}
