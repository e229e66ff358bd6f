package io.dynamodown.boot.micrometer;

import io.dynamodown.boot.cache.LevelDbCache;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;

/**
 * Gives Spring Boot's cache metrics the meters of each {@link LevelDbCache}
 * ({@link LevelDbCacheMetrics}).
 */
public final class LevelDbCacheMeterBinderProvider implements CacheMeterBinderProvider<LevelDbCache> {

	@Override
	public MeterBinder getMeterBinder(LevelDbCache cache, Iterable<Tag> tags) {
		return new LevelDbCacheMetrics(cache, tags);
	}

}
