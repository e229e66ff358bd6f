package io.dynamodown.boot.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamodown.LevelDb;
import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;
import org.springframework.cache.support.AbstractCacheManager;

/**
 * A {@link org.springframework.cache.CacheManager} of {@link LevelDbCache caches}, each
 * the sublevel of its name inside one store (usually itself a sublevel, such as
 * {@code !cache!}): the entry {@code k} of cache {@code books} is the key
 * {@code !cache!!books!k} of the root store. With initial cache names, the set of caches
 * is fixed; without, a cache is created on first use of its name.
 */
public final class LevelDbCacheManager extends AbstractCacheManager {

	private final LevelDb store;

	private final @Nullable Duration defaultTimeToLive;

	private final Map<String, Duration> timesToLive;

	private final boolean allowNullValues;

	private final CacheValueSerializer serializer;

	private final List<String> initialCacheNames;

	/**
	 * Creates a cache manager.
	 * @param store the store whose sublevels hold the caches
	 * @param defaultTimeToLive the time to live of every cache without one of its own, or
	 * {@code null} for no expiry
	 * @param timesToLive times to live by cache name
	 * @param allowNullValues whether {@code null} values are cached
	 * @param serializer the serializer of values
	 * @param initialCacheNames the caches to create at startup; when not empty, no other
	 * cache is created
	 */
	public LevelDbCacheManager(LevelDb store, @Nullable Duration defaultTimeToLive, Map<String, Duration> timesToLive,
			boolean allowNullValues, CacheValueSerializer serializer, Collection<String> initialCacheNames) {
		this.store = store;
		this.defaultTimeToLive = defaultTimeToLive;
		this.timesToLive = new LinkedHashMap<>(timesToLive);
		this.allowNullValues = allowNullValues;
		this.serializer = serializer;
		this.initialCacheNames = List.copyOf(Set.copyOf(initialCacheNames));
	}

	@Override
	protected Collection<? extends Cache> loadCaches() {
		return this.initialCacheNames.stream().sorted().map(this::createCache).toList();
	}

	@Override
	protected @Nullable Cache getMissingCache(String name) {
		return this.initialCacheNames.isEmpty() ? createCache(name) : null;
	}

	private LevelDbCache createCache(String name) {
		Duration timeToLive = this.timesToLive.getOrDefault(name, this.defaultTimeToLive);
		return new LevelDbCache(name, this.store.sublevel(name), timeToLive, this.allowNullValues, this.serializer);
	}

}
