package io.dynamodown.autoconfigure;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for dynamodown, under {@code dynamodown.*}. Invalid values
 * fail startup with an {@link InvalidDynamoDownPropertyException} naming the property and
 * the rule.
 */
@ConfigurationProperties("dynamodown")
public class DynamoDownProperties implements InitializingBean {

	/**
	 * Name of the DynamoDB table: 3 to 255 characters of [a-zA-Z0-9_.-]. Required unless
	 * the application defines its own LevelDb bean.
	 */
	private @Nullable String table;

	/**
	 * Hash key (partition key value) of the database inside the table; several databases
	 * may share a table under different hash keys.
	 */
	private String hashKey = "!";

	/**
	 * AWS region of the client the starter builds, such as 'eu-west-1'. When not set, the
	 * SDK's default region chain applies.
	 */
	private @Nullable String region;

	/**
	 * Endpoint override of the client the starter builds, such as 'http://localhost:8000'
	 * for DynamoDB Local.
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
	private int concurrency = 8;

	private final Credentials credentials = new Credentials();

	private final Retry retry = new Retry();

	private final Embedded embedded = new Embedded();

	private final Metrics metrics = new Metrics();

	/**
	 * The value of {@code dynamodown.table}.
	 * @return the value
	 */
	public @Nullable String getTable() {
		return this.table;
	}

	/**
	 * Sets {@code dynamodown.table}.
	 * @param table the value
	 */
	public void setTable(@Nullable String table) {
		this.table = table;
	}

	/**
	 * The value of {@code dynamodown.hash-key}.
	 * @return the value
	 */
	public String getHashKey() {
		return this.hashKey;
	}

	/**
	 * Sets {@code dynamodown.hash-key}.
	 * @param hashKey the value
	 */
	public void setHashKey(String hashKey) {
		this.hashKey = hashKey;
	}

	/**
	 * The value of {@code dynamodown.region}.
	 * @return the value
	 */
	public @Nullable String getRegion() {
		return this.region;
	}

	/**
	 * Sets {@code dynamodown.region}.
	 * @param region the value
	 */
	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	/**
	 * The value of {@code dynamodown.endpoint}.
	 * @return the value
	 */
	public @Nullable URI getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Sets {@code dynamodown.endpoint}.
	 * @param endpoint the value
	 */
	public void setEndpoint(@Nullable URI endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * The value of {@code dynamodown.create-if-missing}.
	 * @return the value
	 */
	public boolean isCreateIfMissing() {
		return this.createIfMissing;
	}

	/**
	 * Sets {@code dynamodown.create-if-missing}.
	 * @param createIfMissing the value
	 */
	public void setCreateIfMissing(boolean createIfMissing) {
		this.createIfMissing = createIfMissing;
	}

	/**
	 * The value of {@code dynamodown.error-if-exists}.
	 * @return the value
	 */
	public boolean isErrorIfExists() {
		return this.errorIfExists;
	}

	/**
	 * Sets {@code dynamodown.error-if-exists}.
	 * @param errorIfExists the value
	 */
	public void setErrorIfExists(boolean errorIfExists) {
		this.errorIfExists = errorIfExists;
	}

	/**
	 * The value of {@code dynamodown.billing-mode}.
	 * @return the value
	 */
	public @Nullable BillingMode getBillingMode() {
		return this.billingMode;
	}

	/**
	 * Sets {@code dynamodown.billing-mode}.
	 * @param billingMode the value
	 */
	public void setBillingMode(@Nullable BillingMode billingMode) {
		this.billingMode = billingMode;
	}

	/**
	 * The value of {@code dynamodown.read-capacity}.
	 * @return the value
	 */
	public @Nullable Long getReadCapacity() {
		return this.readCapacity;
	}

	/**
	 * Sets {@code dynamodown.read-capacity}.
	 * @param readCapacity the value
	 */
	public void setReadCapacity(@Nullable Long readCapacity) {
		this.readCapacity = readCapacity;
	}

	/**
	 * The value of {@code dynamodown.write-capacity}.
	 * @return the value
	 */
	public @Nullable Long getWriteCapacity() {
		return this.writeCapacity;
	}

	/**
	 * Sets {@code dynamodown.write-capacity}.
	 * @param writeCapacity the value
	 */
	public void setWriteCapacity(@Nullable Long writeCapacity) {
		this.writeCapacity = writeCapacity;
	}

	/**
	 * The value of {@code dynamodown.consistent-reads}.
	 * @return the value
	 */
	public boolean isConsistentReads() {
		return this.consistentReads;
	}

	/**
	 * Sets {@code dynamodown.consistent-reads}.
	 * @param consistentReads the value
	 */
	public void setConsistentReads(boolean consistentReads) {
		this.consistentReads = consistentReads;
	}

	/**
	 * The value of {@code dynamodown.read-ahead}.
	 * @return the value
	 */
	public boolean isReadAhead() {
		return this.readAhead;
	}

	/**
	 * Sets {@code dynamodown.read-ahead}.
	 * @param readAhead the value
	 */
	public void setReadAhead(boolean readAhead) {
		this.readAhead = readAhead;
	}

	/**
	 * The value of {@code dynamodown.concurrency}.
	 * @return the value
	 */
	public int getConcurrency() {
		return this.concurrency;
	}

	/**
	 * Sets {@code dynamodown.concurrency}.
	 * @param concurrency the value
	 */
	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	/**
	 * The {@code dynamodown.credentials.*} properties.
	 * @return the nested properties
	 */
	public Credentials getCredentials() {
		return this.credentials;
	}

	/**
	 * The {@code dynamodown.retry.*} properties.
	 * @return the nested properties
	 */
	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * The {@code dynamodown.embedded.*} properties.
	 * @return the nested properties
	 */
	public Embedded getEmbedded() {
		return this.embedded;
	}

	/**
	 * The {@code dynamodown.metrics.*} properties.
	 * @return the nested properties
	 */
	public Metrics getMetrics() {
		return this.metrics;
	}

	/**
	 * Checks every bound value against its rule.
	 * @throws InvalidDynamoDownPropertyException naming the first invalid property and
	 * its rule
	 */
	@Override
	public void afterPropertiesSet() {
		PropertiesValidator.validate(this);
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
		 * The value of {@code dynamodown.credentials.access-key-id}.
		 * @return the value
		 */
		public @Nullable String getAccessKeyId() {
			return this.accessKeyId;
		}

		/**
		 * Sets {@code dynamodown.credentials.access-key-id}.
		 * @param accessKeyId the value
		 */
		public void setAccessKeyId(@Nullable String accessKeyId) {
			this.accessKeyId = accessKeyId;
		}

		/**
		 * The value of {@code dynamodown.credentials.secret-access-key}.
		 * @return the value
		 */
		public @Nullable String getSecretAccessKey() {
			return this.secretAccessKey;
		}

		/**
		 * Sets {@code dynamodown.credentials.secret-access-key}.
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
		private int maxAttempts = 10;

		/**
		 * Back-off before the first retry, doubled for each further one (with full
		 * jitter).
		 */
		private Duration baseDelay = Duration.ofMillis(25);

		/**
		 * Longest back-off between two attempts.
		 */
		private Duration maxDelay = Duration.ofSeconds(1);

		/**
		 * Longest time spent retrying one operation.
		 */
		private Duration deadline = Duration.ofSeconds(30);

		/**
		 * The value of {@code dynamodown.retry.max-attempts}.
		 * @return the value
		 */
		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * Sets {@code dynamodown.retry.max-attempts}.
		 * @param maxAttempts the value
		 */
		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		/**
		 * The value of {@code dynamodown.retry.base-delay}.
		 * @return the value
		 */
		public Duration getBaseDelay() {
			return this.baseDelay;
		}

		/**
		 * Sets {@code dynamodown.retry.base-delay}.
		 * @param baseDelay the value
		 */
		public void setBaseDelay(Duration baseDelay) {
			this.baseDelay = baseDelay;
		}

		/**
		 * The value of {@code dynamodown.retry.max-delay}.
		 * @return the value
		 */
		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		/**
		 * Sets {@code dynamodown.retry.max-delay}.
		 * @param maxDelay the value
		 */
		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		/**
		 * The value of {@code dynamodown.retry.deadline}.
		 * @return the value
		 */
		public Duration getDeadline() {
			return this.deadline;
		}

		/**
		 * Sets {@code dynamodown.retry.deadline}.
		 * @param deadline the value
		 */
		public void setDeadline(Duration deadline) {
			this.deadline = deadline;
		}

	}

	/**
	 * The in-process DynamoDB Local server, for development and tests.
	 */
	public static class Embedded {

		/**
		 * Whether to start DynamoDB Local in-process (needs dynamodown-embedded on the
		 * classpath) and connect to it instead of AWS.
		 */
		private boolean enabled;

		/**
		 * The value of {@code dynamodown.embedded.enabled}.
		 * @return the value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets {@code dynamodown.embedded.enabled}.
		 * @param enabled the value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
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
		 * The value of {@code dynamodown.metrics.enabled}.
		 * @return the value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets {@code dynamodown.metrics.enabled}.
		 * @param enabled the value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
