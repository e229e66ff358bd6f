package io.dynamodown.boot.micrometer;

import io.dynamodown.boot.cache.LevelDbCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer's cache meters ({@code cache.gets} with {@code result} hit or miss,
 * {@code cache.puts}, {@code cache.evictions}) for a {@link LevelDbCache}, and
 * {@code cache.unreadable} (entries refused, corrupt or too large, evicted as misses),
 * counted in this JVM. The size is unknown: counting a cache's entries would read all of
 * them.
 */
public final class LevelDbCacheMetrics extends CacheMeterBinder<LevelDbCache> {

	private final LevelDbCache cache;

	/**
	 * Creates the meters of a cache.
	 * @param cache the cache
	 * @param tags tags for every meter
	 */
	public LevelDbCacheMetrics(LevelDbCache cache, Iterable<Tag> tags) {
		super(cache, cache.getName(), tags);
		this.cache = cache;
	}

	@Override
	protected @Nullable Long size() {
		return null;
	}

	@Override
	protected long hitCount() {
		return this.cache.getHitCount();
	}

	@Override
	protected Long missCount() {
		return this.cache.getMissCount();
	}

	@Override
	protected Long evictionCount() {
		return this.cache.getEvictionCount();
	}

	@Override
	protected long putCount() {
		return this.cache.getPutCount();
	}

	@Override
	protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
		FunctionCounter.builder("cache.unreadable", this.cache, LevelDbCache::getUnreadableCount)
			.tags(getTagsWithCacheName())
			.description("Entries that could not be read back (refused, corrupt or too large) and were evicted")
			.register(registry);
	}

}
