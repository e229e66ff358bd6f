package io.dynamodown.boot.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dynamodown.LevelDbBuilder;
import io.dynamodown.retry.RetryPolicy;
import io.dynamodown.table.Billing;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for dynamodown, under {@code dynamodown.*}. Defaults and rules
 * are those of the core's {@link LevelDbBuilder}, {@link RetryPolicy}, {@link Billing}
 * and {@link io.dynamodown.Compression}; a value that breaks a rule fails startup with an
 * {@link InvalidDynamoDownPropertyException} naming the property and the rule.
 */
@ConfigurationProperties("dynamodown")
public class DynamoDownProperties {

	/**
	 * Name of the DynamoDB table: 3 to 255 characters of [a-zA-Z0-9_.-]. Required unless
	 * the application defines its own LevelDb bean.
	 */
	private @Nullable String table;

	/**
	 * Hash key (partition key value) of the database inside the table; several databases
	 * may share a table under different hash keys.
	 */
	private String hashKey = LevelDbBuilder.DEFAULT_HASH_KEY;

	/**
	 * AWS region of the client the starter builds, such as 'eu-west-1'. When not set, the
	 * SDK's default region chain applies.
	 */
	private @Nullable String region;

	/**
	 * Endpoint override of the client the starter builds, such as 'http://localhost:8000'
	 * for a DynamoDB-compatible server on this machine.
	 */
	private @Nullable URI endpoint;

	/**
	 * Whether to create the table when it does not exist.
	 */
	private boolean createIfMissing = true;

	/**
	 * Whether to fail startup when the table already exists.
	 */
	private boolean errorIfExists;

	/**
	 * Billing mode of a table the store creates. Defaults to 'on-demand', or to
	 * 'provisioned' when read and write capacities are set.
	 */
	private @Nullable BillingMode billingMode;

	/**
	 * Provisioned read capacity units of a table the store creates.
	 */
	private @Nullable Long readCapacity;

	/**
	 * Provisioned write capacity units of a table the store creates.
	 */
	private @Nullable Long writeCapacity;

	/**
	 * Whether reads are strongly consistent (read-your-writes, as LevelDB). Eventually
	 * consistent reads cost half.
	 */
	private boolean consistentReads = true;

	/**
	 * Whether iterators request the next page while the current one is consumed.
	 */
	private boolean readAhead = true;

	/**
	 * The most requests one bulk write, clear or many-key read sends at once.
	 */
	private int concurrency = LevelDbBuilder.DEFAULT_CONCURRENCY;

	/**
	 * The longest one DynamoDB request may take, the SDK's retries included; a request
	 * that takes longer fails with TIMEOUT. Applies to every request of the store (health
	 * checks and table creation included) and to the client the starter builds.
	 */
	private Duration timeout = LevelDbBuilder.DEFAULT_TIMEOUT;

	/**
	 * The longest one attempt of a DynamoDB request may take before the SDK gives up on
	 * it and, if attempts remain, retries it. Not longer than dynamodown.timeout.
	 */
	private Duration attemptTimeout = LevelDbBuilder.DEFAULT_ATTEMPT_TIMEOUT;

	/**
	 * The largest value the store writes and reads, counted before and after compression;
	 * a larger one is refused with INVALID_VALUE before any request, and a stored item
	 * that declares or decompresses to more is refused with CORRUPT_ITEM without being
	 * read past it. A value too large for one DynamoDB item (400 KB) is stored in chunk
	 * items of its own.
	 */
	private DataSize maxValueSize = DataSize.ofBytes(LevelDbBuilder.DEFAULT_MAX_VALUE_SIZE);

	/**
	 * The most stored bytes of large (chunked) values the store reads at once, over all
	 * threads. Concurrent reads of large values wait their turn for it, so that each is
	 * answered within the request timeouts and the heap they take stays bounded.
	 */
	private DataSize readBudget = DataSize.ofBytes(LevelDbBuilder.DEFAULT_READ_BUDGET);

	/**
	 * How long closing the store (at shutdown) waits for operations in flight before it
	 * closes anyway.
	 */
	private Duration closeTimeout = Duration.ofSeconds(30);

	/**
	 * How long opening the store at startup waits for the table to become ACTIVE (a table
	 * the store creates, or one that is being created or updated).
	 */
	private Duration activeTimeout = Duration.ofMinutes(5);

	/**
	 * Number of partition-key values the database spreads its keys over, 1 to 256: more
	 * spreads its writes and reads over more of DynamoDB's partitions. The count belongs
	 * to the database and is recorded with it; opening it with another count fails.
	 */
	private int shards = 1;

	/**
	 * Whether a key under dynamodown.* that no property binds (a misspelling, say) fails
	 * startup. When false, each such key is logged at WARN with the closest known key.
	 */
	private boolean failOnUnknownProperties;

	private final AttributeNames attributeNames = new AttributeNames();

	private final Compression compression = new Compression();

	private final Credentials credentials = new Credentials();

	private final Retry retry = new Retry();

	private final Embedded embedded = new Embedded();

	private final Metrics metrics = new Metrics();

	/**
	 * Further stores, by name: each is a LevelDb bean named '<name>LevelDb' with the
	 * qualifier '<name>', on its own table and hash key, sharing the client and every
	 * other setting of dynamodown.* unless the entry overrides it.
	 */
	private Map<String, Store> stores = new LinkedHashMap<>();

	/**
	 * Returns the {@code table} property. Name of the DynamoDB table: 3 to 255 characters
	 * of [a-zA-Z0-9_.-].
	 * @return the value
	 */
	public @Nullable String getTable() {
		return this.table;
	}

	/**
	 * Sets the {@code table} property. Name of the DynamoDB table: 3 to 255 characters of
	 * [a-zA-Z0-9_.-].
	 * @param table the value
	 */
	public void setTable(@Nullable String table) {
		this.table = table;
	}

	/**
	 * Returns the {@code hash-key} property. Hash key (partition key value) of the
	 * database inside the table; several databases may share a table under different hash
	 * keys.
	 * @return the value
	 */
	public String getHashKey() {
		return this.hashKey;
	}

	/**
	 * Sets the {@code hash-key} property. Hash key (partition key value) of the database
	 * inside the table; several databases may share a table under different hash keys.
	 * @param hashKey the value
	 */
	public void setHashKey(String hashKey) {
		this.hashKey = hashKey;
	}

	/**
	 * Returns the {@code region} property. AWS region of the client the starter builds,
	 * such as 'eu-west-1'.
	 * @return the value
	 */
	public @Nullable String getRegion() {
		return this.region;
	}

	/**
	 * Sets the {@code region} property. AWS region of the client the starter builds, such
	 * as 'eu-west-1'.
	 * @param region the value
	 */
	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	/**
	 * Returns the {@code endpoint} property. Endpoint override of the client the starter
	 * builds, such as 'http://localhost:8000' for a DynamoDB-compatible server on this
	 * machine.
	 * @return the value
	 */
	public @Nullable URI getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Sets the {@code endpoint} property. Endpoint override of the client the starter
	 * builds, such as 'http://localhost:8000' for a DynamoDB-compatible server on this
	 * machine.
	 * @param endpoint the value
	 */
	public void setEndpoint(@Nullable URI endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Returns the {@code create-if-missing} property. Whether to create the table when it
	 * does not exist.
	 * @return the value
	 */
	public boolean isCreateIfMissing() {
		return this.createIfMissing;
	}

	/**
	 * Sets the {@code create-if-missing} property. Whether to create the table when it
	 * does not exist.
	 * @param createIfMissing the value
	 */
	public void setCreateIfMissing(boolean createIfMissing) {
		this.createIfMissing = createIfMissing;
	}

	/**
	 * Returns the {@code error-if-exists} property. Whether to fail startup when the
	 * table already exists.
	 * @return the value
	 */
	public boolean isErrorIfExists() {
		return this.errorIfExists;
	}

	/**
	 * Sets the {@code error-if-exists} property. Whether to fail startup when the table
	 * already exists.
	 * @param errorIfExists the value
	 */
	public void setErrorIfExists(boolean errorIfExists) {
		this.errorIfExists = errorIfExists;
	}

	/**
	 * Returns the {@code billing-mode} property. Billing mode of a table the store
	 * creates.
	 * @return the value
	 */
	public @Nullable BillingMode getBillingMode() {
		return this.billingMode;
	}

	/**
	 * Sets the {@code billing-mode} property. Billing mode of a table the store creates.
	 * @param billingMode the value
	 */
	public void setBillingMode(@Nullable BillingMode billingMode) {
		this.billingMode = billingMode;
	}

	/**
	 * Returns the {@code read-capacity} property. Provisioned read capacity units of a
	 * table the store creates.
	 * @return the value
	 */
	public @Nullable Long getReadCapacity() {
		return this.readCapacity;
	}

	/**
	 * Sets the {@code read-capacity} property. Provisioned read capacity units of a table
	 * the store creates.
	 * @param readCapacity the value
	 */
	public void setReadCapacity(@Nullable Long readCapacity) {
		this.readCapacity = readCapacity;
	}

	/**
	 * Returns the {@code write-capacity} property. Provisioned write capacity units of a
	 * table the store creates.
	 * @return the value
	 */
	public @Nullable Long getWriteCapacity() {
		return this.writeCapacity;
	}

	/**
	 * Sets the {@code write-capacity} property. Provisioned write capacity units of a
	 * table the store creates.
	 * @param writeCapacity the value
	 */
	public void setWriteCapacity(@Nullable Long writeCapacity) {
		this.writeCapacity = writeCapacity;
	}

	/**
	 * Returns the {@code consistent-reads} property. Whether reads are strongly
	 * consistent (read-your-writes, as LevelDB).
	 * @return the value
	 */
	public boolean isConsistentReads() {
		return this.consistentReads;
	}

	/**
	 * Sets the {@code consistent-reads} property. Whether reads are strongly consistent
	 * (read-your-writes, as LevelDB).
	 * @param consistentReads the value
	 */
	public void setConsistentReads(boolean consistentReads) {
		this.consistentReads = consistentReads;
	}

	/**
	 * Returns the {@code read-ahead} property. Whether iterators request the next page
	 * while the current one is consumed.
	 * @return the value
	 */
	public boolean isReadAhead() {
		return this.readAhead;
	}

	/**
	 * Sets the {@code read-ahead} property. Whether iterators request the next page while
	 * the current one is consumed.
	 * @param readAhead the value
	 */
	public void setReadAhead(boolean readAhead) {
		this.readAhead = readAhead;
	}

	/**
	 * Returns the {@code concurrency} property. The most requests one bulk write, clear
	 * or many-key read sends at once.
	 * @return the value
	 */
	public int getConcurrency() {
		return this.concurrency;
	}

	/**
	 * Sets the {@code concurrency} property. The most requests one bulk write, clear or
	 * many-key read sends at once.
	 * @param concurrency the value
	 */
	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	/**
	 * Returns the {@code timeout} property. The longest one DynamoDB request may take,
	 * the SDK's retries included; a request that takes longer fails with TIMEOUT.
	 * @return the value
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Sets the {@code timeout} property. The longest one DynamoDB request may take, the
	 * SDK's retries included; a request that takes longer fails with TIMEOUT.
	 * @param timeout the value
	 */
	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * Returns the {@code attempt-timeout} property. The longest one attempt of a DynamoDB
	 * request may take before the SDK gives up on it and, if attempts remain, retries it.
	 * @return the value
	 */
	public Duration getAttemptTimeout() {
		return this.attemptTimeout;
	}

	/**
	 * Sets the {@code attempt-timeout} property. The longest one attempt of a DynamoDB
	 * request may take before the SDK gives up on it and, if attempts remain, retries it.
	 * @param attemptTimeout the value
	 */
	public void setAttemptTimeout(Duration attemptTimeout) {
		this.attemptTimeout = attemptTimeout;
	}

	/**
	 * Returns the {@code max-value-size} property. The largest value the store writes and
	 * reads, counted before and after compression; a larger one is refused with
	 * INVALID_VALUE before any request, and a stored item that declares or decompresses
	 * to more is refused with CORRUPT_ITEM without being read past it.
	 * @return the value
	 */
	public DataSize getMaxValueSize() {
		return this.maxValueSize;
	}

	/**
	 * Sets the {@code max-value-size} property. The largest value the store writes and
	 * reads, counted before and after compression; a larger one is refused with
	 * INVALID_VALUE before any request, and a stored item that declares or decompresses
	 * to more is refused with CORRUPT_ITEM without being read past it.
	 * @param maxValueSize the value
	 */
	public void setMaxValueSize(DataSize maxValueSize) {
		this.maxValueSize = maxValueSize;
	}

	/**
	 * Returns the {@code read-budget} property. The most stored bytes of large (chunked)
	 * values the store reads at once, over all threads.
	 * @return the value
	 */
	public DataSize getReadBudget() {
		return this.readBudget;
	}

	/**
	 * Sets the {@code read-budget} property. The most stored bytes of large (chunked)
	 * values the store reads at once, over all threads.
	 * @param readBudget the value
	 */
	public void setReadBudget(DataSize readBudget) {
		this.readBudget = readBudget;
	}

	/**
	 * Returns the {@code close-timeout} property. How long closing the store (at
	 * shutdown) waits for operations in flight before it closes anyway.
	 * @return the value
	 */
	public Duration getCloseTimeout() {
		return this.closeTimeout;
	}

	/**
	 * Sets the {@code close-timeout} property. How long closing the store (at shutdown)
	 * waits for operations in flight before it closes anyway.
	 * @param closeTimeout the value
	 */
	public void setCloseTimeout(Duration closeTimeout) {
		this.closeTimeout = closeTimeout;
	}

	/**
	 * Returns the {@code active-timeout} property. How long opening the store at startup
	 * waits for the table to become ACTIVE (a table the store creates, or one that is
	 * being created or updated).
	 * @return the value
	 */
	public Duration getActiveTimeout() {
		return this.activeTimeout;
	}

	/**
	 * Sets the {@code active-timeout} property. How long opening the store at startup
	 * waits for the table to become ACTIVE (a table the store creates, or one that is
	 * being created or updated).
	 * @param activeTimeout the value
	 */
	public void setActiveTimeout(Duration activeTimeout) {
		this.activeTimeout = activeTimeout;
	}

	/**
	 * Returns the {@code fail-on-unknown-properties} property. Whether a key under
	 * dynamodown.* that no property binds (a misspelling, say) fails startup.
	 * @return the value
	 */
	public boolean isFailOnUnknownProperties() {
		return this.failOnUnknownProperties;
	}

	/**
	 * Sets the {@code fail-on-unknown-properties} property. Whether a key under
	 * dynamodown.* that no property binds (a misspelling, say) fails startup.
	 * @param failOnUnknownProperties the value
	 */
	public void setFailOnUnknownProperties(boolean failOnUnknownProperties) {
		this.failOnUnknownProperties = failOnUnknownProperties;
	}

	/**
	 * Returns the {@code shards} property. Number of partition-key values the database
	 * spreads its keys over.
	 * @return the value
	 */
	public int getShards() {
		return this.shards;
	}

	/**
	 * Sets the {@code shards} property. Number of partition-key values the database
	 * spreads its keys over.
	 * @param shards the value
	 */
	public void setShards(int shards) {
		this.shards = shards;
	}

	/**
	 * Returns the {@code attribute-names} property.
	 * @return the value
	 */
	public AttributeNames getAttributeNames() {
		return this.attributeNames;
	}

	/**
	 * Returns the {@code compression} property.
	 * @return the value
	 */
	public Compression getCompression() {
		return this.compression;
	}

	/**
	 * Returns the {@code credentials} property.
	 * @return the value
	 */
	public Credentials getCredentials() {
		return this.credentials;
	}

	/**
	 * Returns the {@code retry} property.
	 * @return the value
	 */
	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Returns the {@code embedded} property.
	 * @return the value
	 */
	public Embedded getEmbedded() {
		return this.embedded;
	}

	/**
	 * Returns the {@code metrics} property.
	 * @return the value
	 */
	public Metrics getMetrics() {
		return this.metrics;
	}

	/**
	 * Returns the {@code stores} property. Further stores, by name.
	 * @return the value
	 */
	public Map<String, Store> getStores() {
		return this.stores;
	}

	/**
	 * Sets the {@code stores} property. Further stores, by name.
	 * @param stores the value
	 */
	public void setStores(Map<String, Store> stores) {
		this.stores = stores;
	}

	/**
	 * Billing modes of a table the store creates.
	 */
	public enum BillingMode {

		/** Pay per request. */
		ON_DEMAND,

		/** Provisioned read and write capacity units. */
		PROVISIONED

	}

	/**
	 * Attribute names of the store's items, to adopt an existing table whose key
	 * attributes have other names. Each is 1 to 255 bytes of UTF-8 (the value, ttl and
	 * form attributes up to 64 KB), all different. An existing table whose key schema
	 * does not match is refused at startup with both schemas.
	 */
	public static class AttributeNames {

		/**
		 * Partition key attribute (type S).
		 */
		private String hashKey = "hkey";

		/**
		 * Sort key attribute (type B).
		 */
		private String sortKey = "rkey";

		/**
		 * Value attribute (type B).
		 */
		private String value = "value";

		/**
		 * Expiry attribute (type N, epoch seconds), written only for keys put with a time
		 * to live; enable the table's DynamoDB TTL on it.
		 */
		private String ttl = "ttl";

		/**
		 * Form attribute (type B), written only on items whose value is stored compressed
		 * or in chunks.
		 */
		private String form = "form";

		/**
		 * Returns the {@code hash-key} property. Partition key attribute (type S).
		 * @return the value
		 */
		public String getHashKey() {
			return this.hashKey;
		}

		/**
		 * Sets the {@code hash-key} property. Partition key attribute (type S).
		 * @param hashKey the value
		 */
		public void setHashKey(String hashKey) {
			this.hashKey = hashKey;
		}

		/**
		 * Returns the {@code sort-key} property. Sort key attribute (type B).
		 * @return the value
		 */
		public String getSortKey() {
			return this.sortKey;
		}

		/**
		 * Sets the {@code sort-key} property. Sort key attribute (type B).
		 * @param sortKey the value
		 */
		public void setSortKey(String sortKey) {
			this.sortKey = sortKey;
		}

		/**
		 * Returns the {@code value} property. Value attribute (type B).
		 * @return the value
		 */
		public String getValue() {
			return this.value;
		}

		/**
		 * Sets the {@code value} property. Value attribute (type B).
		 * @param value the value
		 */
		public void setValue(String value) {
			this.value = value;
		}

		/**
		 * Returns the {@code ttl} property. Expiry attribute (type N, epoch seconds),
		 * written only for keys put with a time to live; enable the table's DynamoDB TTL
		 * on it.
		 * @return the value
		 */
		public String getTtl() {
			return this.ttl;
		}

		/**
		 * Sets the {@code ttl} property. Expiry attribute (type N, epoch seconds),
		 * written only for keys put with a time to live; enable the table's DynamoDB TTL
		 * on it.
		 * @param ttl the value
		 */
		public void setTtl(String ttl) {
			this.ttl = ttl;
		}

		/**
		 * Returns the {@code form} property. Form attribute (type B), written only on
		 * items whose value is stored compressed or in chunks.
		 * @return the value
		 */
		public String getForm() {
			return this.form;
		}

		/**
		 * Sets the {@code form} property. Form attribute (type B), written only on items
		 * whose value is stored compressed or in chunks.
		 * @param form the value
		 */
		public void setForm(String form) {
			this.form = form;
		}

	}

	/**
	 * Compression of values before they are stored. Every item says how it was stored, so
	 * these settings can change on a live table and every item still reads back.
	 */
	public static class Compression {

		/**
		 * Whether values are compressed before they are stored (when that saves enough to
		 * matter; incompressible values are stored as they are).
		 */
		private boolean enabled = true;

		/**
		 * The codec values are compressed with; 'none' stores every value as it is,
		 * readable by any DynamoDB client.
		 */
		private io.dynamodown.Compression.Codec codec = io.dynamodown.Compression.Codec.DEFLATE;

		/**
		 * The deflate level, 1 (fastest) to 9 (smallest). Ignored when compression is
		 * off.
		 */
		private int level = io.dynamodown.Compression.DEFAULT_LEVEL;

		/**
		 * Returns the {@code enabled} property. Whether values are compressed before they
		 * are stored (when that saves enough to matter; incompressible values are stored
		 * as they are).
		 * @return the value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets the {@code enabled} property. Whether values are compressed before they
		 * are stored (when that saves enough to matter; incompressible values are stored
		 * as they are).
		 * @param enabled the value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Returns the {@code codec} property. The codec values are compressed with;
		 * 'none' stores every value as it is, readable by any DynamoDB client.
		 * @return the value
		 */
		public io.dynamodown.Compression.Codec getCodec() {
			return this.codec;
		}

		/**
		 * Sets the {@code codec} property. The codec values are compressed with; 'none'
		 * stores every value as it is, readable by any DynamoDB client.
		 * @param codec the value
		 */
		public void setCodec(io.dynamodown.Compression.Codec codec) {
			this.codec = codec;
		}

		/**
		 * Returns the {@code level} property. The deflate level, 1 (fastest) to 9
		 * (smallest).
		 * @return the value
		 */
		public int getLevel() {
			return this.level;
		}

		/**
		 * Sets the {@code level} property. The deflate level, 1 (fastest) to 9
		 * (smallest).
		 * @param level the value
		 */
		public void setLevel(int level) {
			this.level = level;
		}

	}

	/**
	 * One of the stores of {@code dynamodown.stores.<name>.*}: its own table and hash
	 * key, and overrides of the shared settings of {@code dynamodown.*}; a setting the
	 * entry does not set is the shared one.
	 */
	public static class Store {

		/**
		 * Name of the store's DynamoDB table: 3 to 255 characters of [a-zA-Z0-9_.-].
		 * Required.
		 */
		private @Nullable String table;

		/**
		 * Hash key (partition key value) of the store's database inside its table. Not
		 * the shared dynamodown.hash-key: stores on one table need different hash keys.
		 */
		private String hashKey = LevelDbBuilder.DEFAULT_HASH_KEY;

		/**
		 * Whether to create the store's table when it does not exist. Defaults to
		 * dynamodown.create-if-missing.
		 */
		private @Nullable Boolean createIfMissing;

		/**
		 * Whether to fail startup when the store's table already exists. Defaults to
		 * dynamodown.error-if-exists.
		 */
		private @Nullable Boolean errorIfExists;

		/**
		 * Whether the store's reads are strongly consistent. Defaults to
		 * dynamodown.consistent-reads.
		 */
		private @Nullable Boolean consistentReads;

		/**
		 * Whether the store's iterators request the next page while the current one is
		 * consumed. Defaults to dynamodown.read-ahead.
		 */
		private @Nullable Boolean readAhead;

		/**
		 * The largest value the store writes and reads, counted before and after
		 * compression. Defaults to dynamodown.max-value-size.
		 */
		private @Nullable DataSize maxValueSize;

		/**
		 * Number of partition-key values the entry's database spreads its keys over, 1 to
		 * 256 (its own, not the shared dynamodown.shards).
		 */
		private int shards = 1;

		private final StoreCompression compression = new StoreCompression();

		/**
		 * Returns the {@code table} property. Name of the store's DynamoDB table.
		 * @return the value
		 */
		public @Nullable String getTable() {
			return this.table;
		}

		/**
		 * Sets the {@code table} property. Name of the store's DynamoDB table.
		 * @param table the value
		 */
		public void setTable(@Nullable String table) {
			this.table = table;
		}

		/**
		 * Returns the {@code hash-key} property. Hash key of the store's database inside
		 * its table.
		 * @return the value
		 */
		public String getHashKey() {
			return this.hashKey;
		}

		/**
		 * Sets the {@code hash-key} property. Hash key of the store's database inside its
		 * table.
		 * @param hashKey the value
		 */
		public void setHashKey(String hashKey) {
			this.hashKey = hashKey;
		}

		/**
		 * Returns the {@code create-if-missing} property. Whether to create the store's
		 * table when it does not exist.
		 * @return the value, or {@code null} for the shared one
		 */
		public @Nullable Boolean getCreateIfMissing() {
			return this.createIfMissing;
		}

		/**
		 * Sets the {@code create-if-missing} property. Whether to create the store's
		 * table when it does not exist.
		 * @param createIfMissing the value, or {@code null} for the shared one
		 */
		public void setCreateIfMissing(@Nullable Boolean createIfMissing) {
			this.createIfMissing = createIfMissing;
		}

		/**
		 * Returns the {@code error-if-exists} property. Whether to fail startup when the
		 * store's table already exists.
		 * @return the value, or {@code null} for the shared one
		 */
		public @Nullable Boolean getErrorIfExists() {
			return this.errorIfExists;
		}

		/**
		 * Sets the {@code error-if-exists} property. Whether to fail startup when the
		 * store's table already exists.
		 * @param errorIfExists the value, or {@code null} for the shared one
		 */
		public void setErrorIfExists(@Nullable Boolean errorIfExists) {
			this.errorIfExists = errorIfExists;
		}

		/**
		 * Returns the {@code consistent-reads} property. Whether the store's reads are
		 * strongly consistent.
		 * @return the value, or {@code null} for the shared one
		 */
		public @Nullable Boolean getConsistentReads() {
			return this.consistentReads;
		}

		/**
		 * Sets the {@code consistent-reads} property. Whether the store's reads are
		 * strongly consistent.
		 * @param consistentReads the value, or {@code null} for the shared one
		 */
		public void setConsistentReads(@Nullable Boolean consistentReads) {
			this.consistentReads = consistentReads;
		}

		/**
		 * Returns the {@code read-ahead} property. Whether the store's iterators request
		 * the next page while the current one is consumed.
		 * @return the value, or {@code null} for the shared one
		 */
		public @Nullable Boolean getReadAhead() {
			return this.readAhead;
		}

		/**
		 * Sets the {@code read-ahead} property. Whether the store's iterators request the
		 * next page while the current one is consumed.
		 * @param readAhead the value, or {@code null} for the shared one
		 */
		public void setReadAhead(@Nullable Boolean readAhead) {
			this.readAhead = readAhead;
		}

		/**
		 * Returns the {@code max-value-size} property. The largest value the store writes
		 * and reads.
		 * @return the value, or {@code null} for the shared one
		 */
		public @Nullable DataSize getMaxValueSize() {
			return this.maxValueSize;
		}

		/**
		 * Sets the {@code max-value-size} property. The largest value the store writes
		 * and reads.
		 * @param maxValueSize the value, or {@code null} for the shared one
		 */
		public void setMaxValueSize(@Nullable DataSize maxValueSize) {
			this.maxValueSize = maxValueSize;
		}

		/**
		 * Returns the {@code shards} property. Number of partition-key values the entry's
		 * database spreads its keys over.
		 * @return the value
		 */
		public int getShards() {
			return this.shards;
		}

		/**
		 * Sets the {@code shards} property. Number of partition-key values the entry's
		 * database spreads its keys over.
		 * @param shards the value
		 */
		public void setShards(int shards) {
			this.shards = shards;
		}

		/**
		 * Returns the {@code compression} property.
		 * @return the value
		 */
		public StoreCompression getCompression() {
			return this.compression;
		}

	}

	/**
	 * Compression of one store's values; a setting not set is that of
	 * {@code dynamodown.compression.*}.
	 */
	public static class StoreCompression {

		/**
		 * Whether the store's values are compressed before they are stored. Defaults to
		 * dynamodown.compression.enabled.
		 */
		private @Nullable Boolean enabled;

		/**
		 * The codec the store's values are compressed with. Defaults to
		 * dynamodown.compression.codec.
		 */
		private io.dynamodown.Compression.@Nullable Codec codec;

		/**
		 * The deflate level of the store, 1 (fastest) to 9 (smallest). Defaults to
		 * dynamodown.compression.level.
		 */
		private @Nullable Integer level;

		/**
		 * Returns the {@code enabled} property. Whether the store's values are compressed
		 * before they are stored.
		 * @return the value, or {@code null} for the shared one
		 */
		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		/**
		 * Sets the {@code enabled} property. Whether the store's values are compressed
		 * before they are stored.
		 * @param enabled the value, or {@code null} for the shared one
		 */
		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Returns the {@code codec} property. The codec the store's values are compressed
		 * with.
		 * @return the value, or {@code null} for the shared one
		 */
		public io.dynamodown.Compression.@Nullable Codec getCodec() {
			return this.codec;
		}

		/**
		 * Sets the {@code codec} property. The codec the store's values are compressed
		 * with.
		 * @param codec the value, or {@code null} for the shared one
		 */
		public void setCodec(io.dynamodown.Compression.@Nullable Codec codec) {
			this.codec = codec;
		}

		/**
		 * Returns the {@code level} property. The deflate level of the store.
		 * @return the value, or {@code null} for the shared one
		 */
		public @Nullable Integer getLevel() {
			return this.level;
		}

		/**
		 * Sets the {@code level} property. The deflate level of the store.
		 * @param level the value, or {@code null} for the shared one
		 */
		public void setLevel(@Nullable Integer level) {
			this.level = level;
		}

	}

	/**
	 * Static credentials of the client the starter builds. Used only when both keys are
	 * set; otherwise the SDK's default credentials chain applies.
	 */
	public static class Credentials {

		/**
		 * AWS access key id.
		 */
		private @Nullable String accessKeyId;

		/**
		 * AWS secret access key. Never logged nor shown by actuator endpoints.
		 */
		private @Nullable String secretAccessKey;

		/**
		 * Returns the {@code access-key-id} property. AWS access key id.
		 * @return the value
		 */
		public @Nullable String getAccessKeyId() {
			return this.accessKeyId;
		}

		/**
		 * Sets the {@code access-key-id} property. AWS access key id.
		 * @param accessKeyId the value
		 */
		public void setAccessKeyId(@Nullable String accessKeyId) {
			this.accessKeyId = accessKeyId;
		}

		/**
		 * Returns the {@code secret-access-key} property. AWS secret access key.
		 * @return the value
		 */
		public @Nullable String getSecretAccessKey() {
			return this.secretAccessKey;
		}

		/**
		 * Sets the {@code secret-access-key} property. AWS secret access key.
		 * @param secretAccessKey the value
		 */
		public void setSecretAccessKey(@Nullable String secretAccessKey) {
			this.secretAccessKey = secretAccessKey;
		}

		@Override
		public String toString() {
			return "Credentials[accessKeyId=" + this.accessKeyId + ", secretAccessKey="
					+ ((this.secretAccessKey != null) ? "******" : null) + "]";
		}

	}

	/**
	 * Retries of what DynamoDB left undone (unprocessed items and keys, cancelled
	 * transactions), and of throttled or failed requests by the client the starter
	 * builds.
	 */
	public static class Retry {

		/**
		 * Most attempts of one request, the first included. Also the maximum attempts of
		 * the retry strategy of the client the starter builds.
		 */
		private int maxAttempts = RetryPolicy.DEFAULT_MAX_ATTEMPTS;

		/**
		 * Back-off before the first retry, doubled for each further one (with full
		 * jitter).
		 */
		private Duration baseDelay = RetryPolicy.DEFAULT_BASE_DELAY;

		/**
		 * Longest back-off between two attempts.
		 */
		private Duration maxDelay = RetryPolicy.DEFAULT_MAX_DELAY;

		/**
		 * Longest time spent retrying one operation's unprocessed items and keys or
		 * cancelled transaction.
		 */
		private Duration deadline = RetryPolicy.DEFAULT_DEADLINE;

		/**
		 * Returns the {@code max-attempts} property. Most attempts of one request, the
		 * first included.
		 * @return the value
		 */
		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * Sets the {@code max-attempts} property. Most attempts of one request, the first
		 * included.
		 * @param maxAttempts the value
		 */
		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		/**
		 * Returns the {@code base-delay} property. Back-off before the first retry,
		 * doubled for each further one (with full jitter).
		 * @return the value
		 */
		public Duration getBaseDelay() {
			return this.baseDelay;
		}

		/**
		 * Sets the {@code base-delay} property. Back-off before the first retry, doubled
		 * for each further one (with full jitter).
		 * @param baseDelay the value
		 */
		public void setBaseDelay(Duration baseDelay) {
			this.baseDelay = baseDelay;
		}

		/**
		 * Returns the {@code max-delay} property. Longest back-off between two attempts.
		 * @return the value
		 */
		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		/**
		 * Sets the {@code max-delay} property. Longest back-off between two attempts.
		 * @param maxDelay the value
		 */
		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		/**
		 * Returns the {@code deadline} property. Longest time spent retrying one
		 * operation's unprocessed items and keys or cancelled transaction.
		 * @return the value
		 */
		public Duration getDeadline() {
			return this.deadline;
		}

		/**
		 * Sets the {@code deadline} property. Longest time spent retrying one operation's
		 * unprocessed items and keys or cancelled transaction.
		 * @param deadline the value
		 */
		public void setDeadline(Duration deadline) {
			this.deadline = deadline;
		}

	}

	/**
	 * The in-process DynamoDB-compatible server, for development and tests.
	 */
	public static class Embedded {

		/**
		 * Whether to start the embedded DynamoDB-compatible server in-process on a
		 * loopback port (needs dynamodown-embedded on the classpath) and connect to it
		 * instead of AWS.
		 */
		private boolean enabled;

		/**
		 * Loopback port of the embedded server, 0 for a free port picked at each start. A
		 * fixed port lets other tools (such as the AWS CLI) reach the server at a known
		 * endpoint; startup fails when the port is in use.
		 */
		private int port;

		/**
		 * Whether the embedded server accepts only requests signed with its own
		 * credentials, random for each start and handed to the application's client only,
		 * so that other local users cannot read or write its data. Turn it off to reach
		 * the data with other tools (such as the AWS CLI) and any credentials.
		 */
		private boolean requireSignature = true;

		/**
		 * Directory of an on-disk database that survives restarts. When not set, the
		 * database is in memory and its data is lost when the application stops.
		 */
		private @Nullable Path path;

		/**
		 * Returns the {@code enabled} property. Whether to start the embedded
		 * DynamoDB-compatible server in-process on a loopback port (needs
		 * dynamodown-embedded on the classpath) and connect to it instead of AWS.
		 * @return the value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets the {@code enabled} property. Whether to start the embedded
		 * DynamoDB-compatible server in-process on a loopback port (needs
		 * dynamodown-embedded on the classpath) and connect to it instead of AWS.
		 * @param enabled the value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Returns the {@code port} property. Loopback port of the embedded server, 0 for
		 * a free port picked at each start.
		 * @return the value
		 */
		public int getPort() {
			return this.port;
		}

		/**
		 * Sets the {@code port} property. Loopback port of the embedded server, 0 for a
		 * free port picked at each start.
		 * @param port the value
		 */
		public void setPort(int port) {
			this.port = port;
		}

		/**
		 * Returns the {@code require-signature} property. Whether the embedded server
		 * accepts only requests signed with its own credentials, random for each start
		 * and handed to the application's client only, so that other local users cannot
		 * read or write its data.
		 * @return the value
		 */
		public boolean isRequireSignature() {
			return this.requireSignature;
		}

		/**
		 * Sets the {@code require-signature} property. Whether the embedded server
		 * accepts only requests signed with its own credentials, random for each start
		 * and handed to the application's client only, so that other local users cannot
		 * read or write its data.
		 * @param requireSignature the value
		 */
		public void setRequireSignature(boolean requireSignature) {
			this.requireSignature = requireSignature;
		}

		/**
		 * Returns the {@code path} property. Directory of an on-disk database that
		 * survives restarts.
		 * @return the value
		 */
		public @Nullable Path getPath() {
			return this.path;
		}

		/**
		 * Sets the {@code path} property. Directory of an on-disk database that survives
		 * restarts.
		 * @param path the value
		 */
		public void setPath(@Nullable Path path) {
			this.path = path;
		}

	}

	/**
	 * Micrometer metrics of the requests the store makes.
	 */
	public static class Metrics {

		/**
		 * Whether to record dynamodown.* metrics when a MeterRegistry is available.
		 */
		private boolean enabled = true;

		/**
		 * Returns the {@code enabled} property. Whether to record dynamodown.* metrics
		 * when a MeterRegistry is available.
		 * @return the value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets the {@code enabled} property. Whether to record dynamodown.* metrics when
		 * a MeterRegistry is available.
		 * @param enabled the value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
