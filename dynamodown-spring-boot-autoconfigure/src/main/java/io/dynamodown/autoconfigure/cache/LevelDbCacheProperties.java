package io.dynamodown.autoconfigure.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamodown.cache.CacheSerializationPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

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

	private final Serialization serialization = new Serialization();

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

	public Serialization getSerialization() {
		return this.serialization;
	}

	public Map<String, CacheSpec> getCaches() {
		return this.caches;
	}

	public void setCaches(Map<String, CacheSpec> caches) {
		this.caches = caches;
	}

	/**
	 * What the default serializer reads back from stored entries.
	 */
	public static class Serialization {

		/**
		 * How cached values are written: Java serialization ('jdk'), or JSON with Jackson
		 * 3 ('json', when jackson-databind is on the class path). Both read back only
		 * what the allow-list and the limits below allow.
		 */
		private Format format = Format.JDK;

		/**
		 * Packages whose classes cached values may be made of, besides the application's
		 * own (those of @SpringBootApplication, from AutoConfigurationPackages), the JDK
		 * value types (String, boxed primitives, BigInteger, BigDecimal, java.time, UUID,
		 * Date, Locale, URI, Currency) and, when allowed, the JDK's collections.
		 */
		private List<String> allowedPackages = new ArrayList<>();

		/**
		 * Further classes cached values may be made of, by fully qualified name.
		 */
		private List<String> allowedClasses = new ArrayList<>();

		/**
		 * Whether cached values may hold the JDK's standard collections (lists, sets,
		 * maps, deques, List.of and the like, the Collections wrappers).
		 */
		private boolean allowJdkCollections = true;

		/**
		 * Deepest nesting of objects in an entry.
		 */
		private int maxDepth = CacheSerializationPolicy.DEFAULT_MAX_DEPTH;

		/**
		 * Most object references in an entry.
		 */
		private long maxReferences = CacheSerializationPolicy.DEFAULT_MAX_REFERENCES;

		/**
		 * Longest array in an entry.
		 */
		private long maxArrayLength = CacheSerializationPolicy.DEFAULT_MAX_ARRAY_LENGTH;

		/**
		 * Largest entry read back.
		 */
		private DataSize maxSize = DataSize.ofBytes(CacheSerializationPolicy.DEFAULT_MAX_BYTES);

		public Format getFormat() {
			return this.format;
		}

		public void setFormat(Format format) {
			this.format = format;
		}

		public List<String> getAllowedPackages() {
			return this.allowedPackages;
		}

		public void setAllowedPackages(List<String> allowedPackages) {
			this.allowedPackages = allowedPackages;
		}

		public List<String> getAllowedClasses() {
			return this.allowedClasses;
		}

		public void setAllowedClasses(List<String> allowedClasses) {
			this.allowedClasses = allowedClasses;
		}

		public boolean isAllowJdkCollections() {
			return this.allowJdkCollections;
		}

		public void setAllowJdkCollections(boolean allowJdkCollections) {
			this.allowJdkCollections = allowJdkCollections;
		}

		public int getMaxDepth() {
			return this.maxDepth;
		}

		public void setMaxDepth(int maxDepth) {
			this.maxDepth = maxDepth;
		}

		public long getMaxReferences() {
			return this.maxReferences;
		}

		public void setMaxReferences(long maxReferences) {
			this.maxReferences = maxReferences;
		}

		public long getMaxArrayLength() {
			return this.maxArrayLength;
		}

		public void setMaxArrayLength(long maxArrayLength) {
			this.maxArrayLength = maxArrayLength;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

	/**
	 * How cached values are written.
	 */
	public enum Format {

		/** Java serialization: any Serializable value, rebuilt exactly. */
		JDK,

		/** JSON with Jackson 3, the class of each non-final value written beside it. */
		JSON

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
