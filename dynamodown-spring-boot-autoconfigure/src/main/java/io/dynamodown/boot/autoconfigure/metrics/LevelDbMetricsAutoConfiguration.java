package io.dynamodown.boot.autoconfigure.metrics;

import io.dynamodown.LevelDb;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import io.dynamodown.boot.micrometer.MicrometerRequestListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for {@link MicrometerRequestListener}: records the requests of the
 * {@link LevelDb} beans when a {@link MeterRegistry} is available, unless
 * {@code dynamodown.metrics.enabled=false}, and registers each store's throttle, retry
 * and unprocessed counters at zero at startup. Ordered after the meter registry and
 * before {@link LevelDbAutoConfiguration}, which hands every listener bean to the store.
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class },
		before = LevelDbAutoConfiguration.class)
@ConditionalOnClass({ LevelDb.class, MeterRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "dynamodown.metrics.enabled", matchIfMissing = true)
public final class LevelDbMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MicrometerRequestListener micrometerRequestListener(MeterRegistry registry) {
		return new MicrometerRequestListener(registry);
	}

	@Bean
	MeterBinder dynamodownZeroCounters(MicrometerRequestListener listener, ObjectProvider<LevelDb> stores) {
		return (registry) -> stores.orderedStream().forEach((store) -> listener.registerCounters(store.table()));
	}

}
