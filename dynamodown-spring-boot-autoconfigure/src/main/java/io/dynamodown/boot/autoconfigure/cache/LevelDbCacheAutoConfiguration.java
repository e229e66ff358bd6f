package io.dynamodown.boot.autoconfigure.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamodown.LevelDb;
import io.dynamodown.boot.autoconfigure.InvalidDynamoDownPropertyException;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import io.dynamodown.boot.cache.CacheSerializationPolicy;
import io.dynamodown.boot.cache.CacheValueSerializer;
import io.dynamodown.boot.cache.JdkCacheValueSerializer;
import io.dynamodown.boot.cache.JsonCacheValueSerializer;
import io.dynamodown.boot.cache.LevelDbCacheManager;
import io.dynamodown.boot.micrometer.LevelDbCacheMeterBinderProvider;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for a {@link LevelDbCacheManager} over the {@link LevelDb} bean,
 * when {@code dynamodown.cache.enabled=true} and the application has no
 * {@link CacheManager} of its own. Ordered before Spring Boot's cache auto-configuration,
 * so that its cache metrics and the {@code caches} endpoint see this manager; with Spring
 * Boot's cache module and Micrometer present, it adds a
 * {@link LevelDbCacheMeterBinderProvider}.
 */
@AutoConfiguration(after = LevelDbAutoConfiguration.class,
		beforeName = "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration")
@ConditionalOnClass({ LevelDb.class, CacheManager.class })
@ConditionalOnBooleanProperty("dynamodown.cache.enabled")
@EnableConfigurationProperties(LevelDbCacheProperties.class)
public final class LevelDbCacheAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "dynamodown.cache.serialization.format", havingValue = "jdk", matchIfMissing = true)
	CacheValueSerializer cacheValueSerializer(ConfigurableBeanFactory beanFactory, LevelDbCacheProperties properties) {
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		return new JdkCacheValueSerializer(
				(classLoader != null) ? classLoader : LevelDbCacheAutoConfiguration.class.getClassLoader(),
				policy(beanFactory, properties.getSerialization()));
	}

	/**
	 * The classes and limits the serializer allows: the application's packages, those
	 * configured, and the limits configured.
	 */
	private static CacheSerializationPolicy policy(ConfigurableBeanFactory beanFactory,
			LevelDbCacheProperties.Serialization serialization) {
		List<String> packages = new ArrayList<>();
		if (AutoConfigurationPackages.has(beanFactory)) {
			packages.addAll(AutoConfigurationPackages.get(beanFactory));
		}
		packages.addAll(serialization.getAllowedPackages());
		try {
			return new CacheSerializationPolicy(packages, serialization.getAllowedClasses(),
					serialization.isAllowJdkCollections(), serialization.getMaxDepth(),
					serialization.getMaxReferences(), serialization.getMaxArrayLength(),
					serialization.getMaxSize().toBytes());
		}
		catch (IllegalArgumentException ex) {
			String message = String.valueOf(ex.getMessage());
			String option = message.substring(0, Math.max(message.indexOf(' '), 0));
			String property = switch (option) {
				case "maxDepth" -> "max-depth";
				case "maxReferences" -> "max-references";
				case "maxArrayLength" -> "max-array-length";
				default -> "max-size";
			};
			throw new InvalidDynamoDownPropertyException("dynamodown.cache.serialization." + property,
					message.substring(message.lastIndexOf(", was ") + 6), message.substring(option.length() + 1));
		}
	}

	@Bean
	@ConditionalOnBean(LevelDb.class)
	@ConditionalOnMissingBean(CacheManager.class)
	LevelDbCacheManager cacheManager(LevelDb store, LevelDbCacheProperties properties,
			CacheValueSerializer serializer) {
		Map<String, Duration> timesToLive = new LinkedHashMap<>();
		properties.getCaches().forEach((name, spec) -> {
			Duration timeToLive = spec.getTimeToLive();
			if (timeToLive != null) {
				timesToLive.put(name, positive("dynamodown.cache.caches." + name + ".time-to-live", timeToLive));
			}
		});
		Duration timeToLive = properties.getTimeToLive();
		if (timeToLive != null) {
			positive("dynamodown.cache.time-to-live", timeToLive);
		}
		sublevelName("dynamodown.cache.key-prefix", properties.getKeyPrefix(), "must not be empty nor contain '!'");
		properties.getCacheNames()
			.forEach((name) -> sublevelName("dynamodown.cache.cache-names", name,
					"must hold cache names that are not empty and do not contain '!'"));
		properties.getCaches()
			.keySet()
			.forEach((name) -> sublevelName("dynamodown.cache.caches", name,
					"must be keyed by cache names that are not empty and do not contain '!'"));
		return new LevelDbCacheManager(store.sublevel(properties.getKeyPrefix()), timeToLive, timesToLive,
				properties.isAllowNullValues(), serializer, properties.getCacheNames());
	}

	/**
	 * Checks a name that becomes a sublevel of the store (the caches' prefix, a cache):
	 * the store's rule, reported with the property before any request.
	 */
	private static void sublevelName(String property, String name, String rule) {
		if (name.isEmpty() || name.indexOf('!') >= 0) {
			throw new InvalidDynamoDownPropertyException(property, name,
					rule + " (each name is a sublevel of the store, and '!' separates sublevels)");
		}
	}

	private static Duration positive(String property, Duration timeToLive) {
		if (timeToLive.isNegative() || timeToLive.isZero()) {
			throw new InvalidDynamoDownPropertyException(property, timeToLive, "must be positive");
		}
		return timeToLive;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "tools.jackson.databind.json.JsonMapper")
	@ConditionalOnProperty(name = "dynamodown.cache.serialization.format", havingValue = "json")
	static class JsonSerializerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CacheValueSerializer jsonCacheValueSerializer(ConfigurableBeanFactory beanFactory,
				LevelDbCacheProperties properties) {
			return new JsonCacheValueSerializer(policy(beanFactory, properties.getSerialization()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ CacheMeterBinderProvider.class, MeterRegistry.class })
	static class CacheMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LevelDbCacheMeterBinderProvider levelDbCacheMeterBinderProvider() {
			return new LevelDbCacheMeterBinderProvider();
		}

	}

}
