package io.dynamodown.autoconfigure.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Spring cache backed by the store.
 */
@ConfigurationProperties("dynamodown.cache")
public class LevelDbCacheProperties {

	/**
	 * Whether to provide a cache manager backed by the store (unless the application
	 * defines a CacheManager of its own).
	 */
	private boolean enabled;

	/**
	 * Name of the sublevel of the store that holds the caches: cache 'c' keeps its
	 * entries under the key prefix '!prefix!!c!'.
	 */
	private String keyPrefix = "cache";

	/**
	 * Caches to create at startup; when set, no other cache is created.
	 */
	private List<String> cacheNames = new ArrayList<>();

	/**
	 * Entry expiration of every cache without one of its own. By default, entries do not
	 * expire.
	 */
	private @Nullable Duration timeToLive;

	/**
	 * Whether to cache null values (stored as a marker).
	 */
	private boolean allowNullValues = true;

	/**
	 * Settings of single caches, by cache name.
	 */
	private Map<String, CacheSpec> caches = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	public List<String> getCacheNames() {
		return this.cacheNames;
	}

	public void setCacheNames(List<String> cacheNames) {
		this.cacheNames = cacheNames;
	}

	public @Nullable Duration getTimeToLive() {
		return this.timeToLive;
	}

	public void setTimeToLive(@Nullable Duration timeToLive) {
		this.timeToLive = timeToLive;
	}

	public boolean isAllowNullValues() {
		return this.allowNullValues;
	}

	public void setAllowNullValues(boolean allowNullValues) {
		this.allowNullValues = allowNullValues;
	}

	public Map<String, CacheSpec> getCaches() {
		return this.caches;
	}

	public void setCaches(Map<String, CacheSpec> caches) {
		this.caches = caches;
	}

	/**
	 * Settings of one cache.
	 */
	public static class CacheSpec {

		/**
		 * Entry expiration of this cache.
		 */
		private @Nullable Duration timeToLive;

		public @Nullable Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(@Nullable Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

	}

}
