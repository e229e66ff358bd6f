package io.dynamodown.boot.autoconfigure.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamodown.boot.cache.CacheSerializationPolicy;
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

	/**
	 * Returns the {@code enabled} property. Whether to provide a cache manager backed by
	 * the store (unless the application defines a CacheManager of its own).
	 * @return the value
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets the {@code enabled} property. Whether to provide a cache manager backed by the
	 * store (unless the application defines a CacheManager of its own).
	 * @param enabled the value
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Returns the {@code key-prefix} property. Name of the sublevel of the store that
	 * holds the caches: cache 'c' keeps its entries under the key prefix '!prefix!!c!'.
	 * @return the value
	 */
	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	/**
	 * Sets the {@code key-prefix} property. Name of the sublevel of the store that holds
	 * the caches: cache 'c' keeps its entries under the key prefix '!prefix!!c!'.
	 * @param keyPrefix the value
	 */
	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	/**
	 * Returns the {@code cache-names} property. Caches to create at startup; when set, no
	 * other cache is created.
	 * @return the value
	 */
	public List<String> getCacheNames() {
		return this.cacheNames;
	}

	/**
	 * Sets the {@code cache-names} property. Caches to create at startup; when set, no
	 * other cache is created.
	 * @param cacheNames the value
	 */
	public void setCacheNames(List<String> cacheNames) {
		this.cacheNames = cacheNames;
	}

	/**
	 * Returns the {@code time-to-live} property. Entry expiration of every cache without
	 * one of its own.
	 * @return the value
	 */
	public @Nullable Duration getTimeToLive() {
		return this.timeToLive;
	}

	/**
	 * Sets the {@code time-to-live} property. Entry expiration of every cache without one
	 * of its own.
	 * @param timeToLive the value
	 */
	public void setTimeToLive(@Nullable Duration timeToLive) {
		this.timeToLive = timeToLive;
	}

	/**
	 * Returns the {@code allow-null-values} property. Whether to cache null values
	 * (stored as a marker).
	 * @return the value
	 */
	public boolean isAllowNullValues() {
		return this.allowNullValues;
	}

	/**
	 * Sets the {@code allow-null-values} property. Whether to cache null values (stored
	 * as a marker).
	 * @param allowNullValues the value
	 */
	public void setAllowNullValues(boolean allowNullValues) {
		this.allowNullValues = allowNullValues;
	}

	/**
	 * Returns the {@code serialization} property.
	 * @return the value
	 */
	public Serialization getSerialization() {
		return this.serialization;
	}

	/**
	 * Returns the {@code caches} property. Settings of single caches, by cache name.
	 * @return the value
	 */
	public Map<String, CacheSpec> getCaches() {
		return this.caches;
	}

	/**
	 * Sets the {@code caches} property. Settings of single caches, by cache name.
	 * @param caches the value
	 */
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

		/**
		 * Returns the {@code format} property. How cached values are written: Java
		 * serialization ('jdk'), or JSON with Jackson 3 ('json', when jackson-databind is
		 * on the class path).
		 * @return the value
		 */
		public Format getFormat() {
			return this.format;
		}

		/**
		 * Sets the {@code format} property. How cached values are written: Java
		 * serialization ('jdk'), or JSON with Jackson 3 ('json', when jackson-databind is
		 * on the class path).
		 * @param format the value
		 */
		public void setFormat(Format format) {
			this.format = format;
		}

		/**
		 * Returns the {@code allowed-packages} property. Packages whose classes cached
		 * values may be made of, besides the application's own (those
		 * of @SpringBootApplication, from AutoConfigurationPackages), the JDK value types
		 * (String, boxed primitives, BigInteger, BigDecimal, java.time, UUID, Date,
		 * Locale, URI, Currency) and, when allowed, the JDK's collections.
		 * @return the value
		 */
		public List<String> getAllowedPackages() {
			return this.allowedPackages;
		}

		/**
		 * Sets the {@code allowed-packages} property. Packages whose classes cached
		 * values may be made of, besides the application's own (those
		 * of @SpringBootApplication, from AutoConfigurationPackages), the JDK value types
		 * (String, boxed primitives, BigInteger, BigDecimal, java.time, UUID, Date,
		 * Locale, URI, Currency) and, when allowed, the JDK's collections.
		 * @param allowedPackages the value
		 */
		public void setAllowedPackages(List<String> allowedPackages) {
			this.allowedPackages = allowedPackages;
		}

		/**
		 * Returns the {@code allowed-classes} property. Further classes cached values may
		 * be made of, by fully qualified name.
		 * @return the value
		 */
		public List<String> getAllowedClasses() {
			return this.allowedClasses;
		}

		/**
		 * Sets the {@code allowed-classes} property. Further classes cached values may be
		 * made of, by fully qualified name.
		 * @param allowedClasses the value
		 */
		public void setAllowedClasses(List<String> allowedClasses) {
			this.allowedClasses = allowedClasses;
		}

		/**
		 * Returns the {@code allow-jdk-collections} property. Whether cached values may
		 * hold the JDK's standard collections (lists, sets, maps, deques, List.of and the
		 * like, the Collections wrappers).
		 * @return the value
		 */
		public boolean isAllowJdkCollections() {
			return this.allowJdkCollections;
		}

		/**
		 * Sets the {@code allow-jdk-collections} property. Whether cached values may hold
		 * the JDK's standard collections (lists, sets, maps, deques, List.of and the
		 * like, the Collections wrappers).
		 * @param allowJdkCollections the value
		 */
		public void setAllowJdkCollections(boolean allowJdkCollections) {
			this.allowJdkCollections = allowJdkCollections;
		}

		/**
		 * Returns the {@code max-depth} property. Deepest nesting of objects in an entry.
		 * @return the value
		 */
		public int getMaxDepth() {
			return this.maxDepth;
		}

		/**
		 * Sets the {@code max-depth} property. Deepest nesting of objects in an entry.
		 * @param maxDepth the value
		 */
		public void setMaxDepth(int maxDepth) {
			this.maxDepth = maxDepth;
		}

		/**
		 * Returns the {@code max-references} property. Most object references in an
		 * entry.
		 * @return the value
		 */
		public long getMaxReferences() {
			return this.maxReferences;
		}

		/**
		 * Sets the {@code max-references} property. Most object references in an entry.
		 * @param maxReferences the value
		 */
		public void setMaxReferences(long maxReferences) {
			this.maxReferences = maxReferences;
		}

		/**
		 * Returns the {@code max-array-length} property. Longest array in an entry.
		 * @return the value
		 */
		public long getMaxArrayLength() {
			return this.maxArrayLength;
		}

		/**
		 * Sets the {@code max-array-length} property. Longest array in an entry.
		 * @param maxArrayLength the value
		 */
		public void setMaxArrayLength(long maxArrayLength) {
			this.maxArrayLength = maxArrayLength;
		}

		/**
		 * Returns the {@code max-size} property. Largest entry read back.
		 * @return the value
		 */
		public DataSize getMaxSize() {
			return this.maxSize;
		}

		/**
		 * Sets the {@code max-size} property. Largest entry read back.
		 * @param maxSize the value
		 */
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

		/**
		 * Returns the {@code time-to-live} property. Entry expiration of this cache.
		 * @return the value
		 */
		public @Nullable Duration getTimeToLive() {
			return this.timeToLive;
		}

		/**
		 * Sets the {@code time-to-live} property. Entry expiration of this cache.
		 * @param timeToLive the value
		 */
		public void setTimeToLive(@Nullable Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

	}

}
