package io.dynamodown.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

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

	public @Nullable String getTable() {
		return this.table;
	}

	public void setTable(@Nullable String table) {
		this.table = table;
	}

	public String getHashKey() {
		return this.hashKey;
	}

	public void setHashKey(String hashKey) {
		this.hashKey = hashKey;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public @Nullable URI getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable URI endpoint) {
		this.endpoint = endpoint;
	}

	public boolean isCreateIfMissing() {
		return this.createIfMissing;
	}

	public void setCreateIfMissing(boolean createIfMissing) {
		this.createIfMissing = createIfMissing;
	}

	public boolean isErrorIfExists() {
		return this.errorIfExists;
	}

	public void setErrorIfExists(boolean errorIfExists) {
		this.errorIfExists = errorIfExists;
	}

	public @Nullable BillingMode getBillingMode() {
		return this.billingMode;
	}

	public void setBillingMode(@Nullable BillingMode billingMode) {
		this.billingMode = billingMode;
	}

	public @Nullable Long getReadCapacity() {
		return this.readCapacity;
	}

	public void setReadCapacity(@Nullable Long readCapacity) {
		this.readCapacity = readCapacity;
	}

	public @Nullable Long getWriteCapacity() {
		return this.writeCapacity;
	}

	public void setWriteCapacity(@Nullable Long writeCapacity) {
		this.writeCapacity = writeCapacity;
	}

	public boolean isConsistentReads() {
		return this.consistentReads;
	}

	public void setConsistentReads(boolean consistentReads) {
		this.consistentReads = consistentReads;
	}

	public boolean isReadAhead() {
		return this.readAhead;
	}

	public void setReadAhead(boolean readAhead) {
		this.readAhead = readAhead;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getAttemptTimeout() {
		return this.attemptTimeout;
	}

	public void setAttemptTimeout(Duration attemptTimeout) {
		this.attemptTimeout = attemptTimeout;
	}

	public DataSize getMaxValueSize() {
		return this.maxValueSize;
	}

	public void setMaxValueSize(DataSize maxValueSize) {
		this.maxValueSize = maxValueSize;
	}

	public DataSize getReadBudget() {
		return this.readBudget;
	}

	public void setReadBudget(DataSize readBudget) {
		this.readBudget = readBudget;
	}

	public Duration getCloseTimeout() {
		return this.closeTimeout;
	}

	public void setCloseTimeout(Duration closeTimeout) {
		this.closeTimeout = closeTimeout;
	}

	public Duration getActiveTimeout() {
		return this.activeTimeout;
	}

	public void setActiveTimeout(Duration activeTimeout) {
		this.activeTimeout = activeTimeout;
	}

	public boolean isFailOnUnknownProperties() {
		return this.failOnUnknownProperties;
	}

	public void setFailOnUnknownProperties(boolean failOnUnknownProperties) {
		this.failOnUnknownProperties = failOnUnknownProperties;
	}

	public AttributeNames getAttributeNames() {
		return this.attributeNames;
	}

	public Compression getCompression() {
		return this.compression;
	}

	public Credentials getCredentials() {
		return this.credentials;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Embedded getEmbedded() {
		return this.embedded;
	}

	public Metrics getMetrics() {
		return this.metrics;
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

		public String getHashKey() {
			return this.hashKey;
		}

		public void setHashKey(String hashKey) {
			this.hashKey = hashKey;
		}

		public String getSortKey() {
			return this.sortKey;
		}

		public void setSortKey(String sortKey) {
			this.sortKey = sortKey;
		}

		public String getValue() {
			return this.value;
		}

		public void setValue(String value) {
			this.value = value;
		}

		public String getTtl() {
			return this.ttl;
		}

		public void setTtl(String ttl) {
			this.ttl = ttl;
		}

		public String getForm() {
			return this.form;
		}

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

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public io.dynamodown.Compression.Codec getCodec() {
			return this.codec;
		}

		public void setCodec(io.dynamodown.Compression.Codec codec) {
			this.codec = codec;
		}

		public int getLevel() {
			return this.level;
		}

		public void setLevel(int level) {
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

		public @Nullable String getAccessKeyId() {
			return this.accessKeyId;
		}

		public void setAccessKeyId(@Nullable String accessKeyId) {
			this.accessKeyId = accessKeyId;
		}

		public @Nullable String getSecretAccessKey() {
			return this.secretAccessKey;
		}

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

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getBaseDelay() {
			return this.baseDelay;
		}

		public void setBaseDelay(Duration baseDelay) {
			this.baseDelay = baseDelay;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public Duration getDeadline() {
			return this.deadline;
		}

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

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public boolean isRequireSignature() {
			return this.requireSignature;
		}

		public void setRequireSignature(boolean requireSignature) {
			this.requireSignature = requireSignature;
		}

		public @Nullable Path getPath() {
			return this.path;
		}

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

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
