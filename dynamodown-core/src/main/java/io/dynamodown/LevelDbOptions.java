package io.dynamodown;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.dynamodown.internal.limit.Limits;
import io.dynamodown.internal.request.Timeouts;
import io.dynamodown.retry.RetryPolicy;
import io.dynamodown.table.AttributeNames;
import io.dynamodown.table.Billing;
import org.jspecify.annotations.Nullable;

/**
 * The options of a store, without its client: immutable, and valid once built. Every rule
 * an option follows is checked here, when the option is given and, for rules that relate
 * two options, when the value is built; a refusal is an {@link InvalidOptionException}
 * naming the option and the value. {@link LevelDb#builder LevelDb.builder(client)} takes
 * the same options one by one, or all at once with
 * {@link LevelDbBuilder#options(LevelDbOptions)}; building them apart from the client
 * lets a caller check them before it builds one:
 *
 * <pre>{@code
 * LevelDbOptions options = LevelDbOptions.builder().table("app").concurrency(4).build();
 * LevelDb db = LevelDb.builder(client).options(options).open();
 * }</pre>
 */
public final class LevelDbOptions {

	/** The shortest table name. */
	public static final int MIN_TABLE_NAME = 3;

	/** The longest table name. */
	public static final int MAX_TABLE_NAME = 255;

	/** The longest hash key in bytes (UTF-8). */
	public static final int MAX_HASH_KEY_BYTES = 2048;

	/**
	 * The most shards a database may have: {@value}. A full scan, a limited read or a
	 * seek queries every shard, so a count far above what a database's write rate needs
	 * only makes its range reads cost more requests.
	 */
	public static final int MAX_SHARDS = Limits.MAX_SHARDS;

	/** The longest name of a key attribute, in bytes of UTF-8. */
	public static final int MAX_KEY_ATTRIBUTE_NAME_BYTES = 255;

	/** The longest name of any other attribute, in bytes of UTF-8: 64 KB. */
	public static final int MAX_ATTRIBUTE_NAME_BYTES = 64 * 1024;

	private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

	private final String table;

	private final String hashKey;

	private final boolean createIfMissing;

	private final boolean errorIfExists;

	private final Billing billing;

	private final boolean consistentReads;

	private final AttributeNames attributeNames;

	private final RetryPolicy retryPolicy;

	private final boolean readAhead;

	private final int concurrency;

	private final Duration activeTimeout;

	private final Duration closeTimeout;

	private final Duration timeout;

	private final Duration attemptTimeout;

	private final Clock clock;

	private final Compression compression;

	private final long maxValueSize;

	private final long readBudget;

	private final int shards;

	private LevelDbOptions(Builder builder, String table, Duration timeout, Duration attemptTimeout) {
		this.table = table;
		this.hashKey = builder.hashKey;
		this.createIfMissing = builder.createIfMissing;
		this.errorIfExists = builder.errorIfExists;
		this.billing = builder.billing;
		this.consistentReads = builder.consistentReads;
		this.attributeNames = builder.attributeNames;
		this.retryPolicy = builder.retryPolicy;
		this.readAhead = builder.readAhead;
		this.concurrency = builder.concurrency;
		this.activeTimeout = builder.activeTimeout;
		this.closeTimeout = builder.closeTimeout;
		this.timeout = timeout;
		this.attemptTimeout = attemptTimeout;
		this.clock = builder.clock;
		this.compression = builder.compression;
		this.maxValueSize = builder.maxValueSize;
		this.readBudget = builder.readBudget;
		this.shards = builder.shards;
	}

	/**
	 * A builder of options, each at its default.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder that starts from these options.
	 * @return the builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * The table.
	 * @return the table name
	 * @see Builder#table(String)
	 */
	public String table() {
		return this.table;
	}

	/**
	 * The hash key (partition key value) of the database.
	 * @return the hash key
	 * @see Builder#hashKey(String)
	 */
	public String hashKey() {
		return this.hashKey;
	}

	/**
	 * Whether a missing table is created.
	 * @return {@code true} to create it
	 * @see Builder#createIfMissing(boolean)
	 */
	public boolean createIfMissing() {
		return this.createIfMissing;
	}

	/**
	 * Whether an existing table is refused.
	 * @return {@code true} to refuse it
	 * @see Builder#errorIfExists(boolean)
	 */
	public boolean errorIfExists() {
		return this.errorIfExists;
	}

	/**
	 * The billing of a table the store creates.
	 * @return the billing
	 * @see Builder#billing(Billing)
	 */
	public Billing billing() {
		return this.billing;
	}

	/**
	 * Whether reads are strongly consistent.
	 * @return {@code true} for strongly consistent reads
	 * @see Builder#consistentReads(boolean)
	 */
	public boolean consistentReads() {
		return this.consistentReads;
	}

	/**
	 * The attribute names of items.
	 * @return the names
	 * @see Builder#attributeNames(AttributeNames)
	 */
	public AttributeNames attributeNames() {
		return this.attributeNames;
	}

	/**
	 * How what DynamoDB left undone is retried.
	 * @return the policy
	 * @see Builder#retryPolicy(RetryPolicy)
	 */
	public RetryPolicy retryPolicy() {
		return this.retryPolicy;
	}

	/**
	 * Whether iterators read ahead.
	 * @return {@code true} to read ahead
	 * @see Builder#readAhead(boolean)
	 */
	public boolean readAhead() {
		return this.readAhead;
	}

	/**
	 * The most requests one operation sends at once.
	 * @return the concurrency
	 * @see Builder#concurrency(int)
	 */
	public int concurrency() {
		return this.concurrency;
	}

	/**
	 * How long opening waits for the table to become {@code ACTIVE}.
	 * @return the longest wait
	 * @see Builder#activeTimeout(Duration)
	 */
	public Duration activeTimeout() {
		return this.activeTimeout;
	}

	/**
	 * How long closing waits for operations in flight.
	 * @return the longest wait
	 * @see Builder#closeTimeout(Duration)
	 */
	public Duration closeTimeout() {
		return this.closeTimeout;
	}

	/**
	 * The longest one DynamoDB request may take, retries included.
	 * @return the timeout
	 * @see Builder#timeout(Duration)
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * The longest one attempt of a DynamoDB request may take.
	 * @return the attempt timeout
	 * @see Builder#attemptTimeout(Duration)
	 */
	public Duration attemptTimeout() {
		return this.attemptTimeout;
	}

	/**
	 * The store's notion of now for expiry.
	 * @return the clock
	 * @see Builder#clock(Clock)
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * How values are compressed.
	 * @return the setting
	 * @see Builder#compression(Compression)
	 */
	public Compression compression() {
		return this.compression;
	}

	/**
	 * The largest value in bytes.
	 * @return the largest value
	 * @see Builder#maxValueSize(long)
	 */
	public long maxValueSize() {
		return this.maxValueSize;
	}

	/**
	 * The most stored bytes of large values read at once.
	 * @return the budget
	 * @see Builder#readBudget(long)
	 */
	public long readBudget() {
		return this.readBudget;
	}

	/**
	 * How many partition keys the database spreads its keys over.
	 * @return 1 to {@value #MAX_SHARDS}
	 * @see Builder#shards(int)
	 */
	public int shards() {
		return this.shards;
	}

	/**
	 * Builds {@link LevelDbOptions}: each setter checks its option when it is given and
	 * throws {@link InvalidOptionException} for a value it refuses; {@link #build()}
	 * checks what relates two options.
	 */
	public static final class Builder {

		private @Nullable String table;

		private String hashKey = LevelDbBuilder.DEFAULT_HASH_KEY;

		private boolean createIfMissing = true;

		private boolean errorIfExists;

		private Billing billing = Billing.ON_DEMAND;

		private boolean consistentReads = true;

		private AttributeNames attributeNames = AttributeNames.DEFAULT;

		private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

		private boolean readAhead = true;

		private int concurrency = LevelDbBuilder.DEFAULT_CONCURRENCY;

		private Duration activeTimeout = Duration.ofMinutes(5);

		private Duration closeTimeout = Duration.ofSeconds(30);

		private @Nullable Duration timeout = LevelDbBuilder.DEFAULT_TIMEOUT;

		private @Nullable Duration attemptTimeout = LevelDbBuilder.DEFAULT_ATTEMPT_TIMEOUT;

		private Clock clock = Clock.systemUTC();

		private Compression compression = Compression.DEFAULT;

		private long maxValueSize = LevelDbBuilder.DEFAULT_MAX_VALUE_SIZE;

		private long readBudget = LevelDbBuilder.DEFAULT_READ_BUDGET;

		private int shards = 1;

		private Builder() {
		}

		private Builder(LevelDbOptions options) {
			this.table = options.table;
			this.hashKey = options.hashKey;
			this.createIfMissing = options.createIfMissing;
			this.errorIfExists = options.errorIfExists;
			this.billing = options.billing;
			this.consistentReads = options.consistentReads;
			this.attributeNames = options.attributeNames;
			this.retryPolicy = options.retryPolicy;
			this.readAhead = options.readAhead;
			this.concurrency = options.concurrency;
			this.activeTimeout = options.activeTimeout;
			this.closeTimeout = options.closeTimeout;
			this.timeout = options.timeout;
			this.attemptTimeout = options.attemptTimeout;
			this.clock = options.clock;
			this.compression = options.compression;
			this.maxValueSize = options.maxValueSize;
			this.readBudget = options.readBudget;
			this.shards = options.shards;
		}

		/**
		 * The table to use; required.
		 * @param table {@value #MIN_TABLE_NAME} to {@value #MAX_TABLE_NAME} characters of
		 * {@code [a-zA-Z0-9_.-]}
		 * @return this builder
		 * @throws InvalidOptionException for a name that breaks the rule
		 */
		public Builder table(@Nullable String table) {
			this.table = checkTable(table);
			return this;
		}

		/**
		 * The hash key (partition key value) of the database; default
		 * {@value LevelDbBuilder#DEFAULT_HASH_KEY}. U+0000 is reserved for the partition
		 * keys of shards (the hash key, U+0000 and the shard's number).
		 * @param hashKey 1 to {@value #MAX_HASH_KEY_BYTES} bytes of well-formed UTF-8,
		 * without U+0000; with n {@link #shards(int) shards}, 2048 less 1 and the digits
		 * of n - 1 (checked by {@link #build()})
		 * @return this builder
		 * @throws InvalidOptionException for a hash key that breaks the rule
		 */
		public Builder hashKey(@Nullable String hashKey) {
			this.hashKey = checkHashKey(hashKey);
			return this;
		}

		/**
		 * Whether to create the table when it does not exist; default {@code true}.
		 * @param createIfMissing create a missing table
		 * @return this builder
		 */
		public Builder createIfMissing(boolean createIfMissing) {
			this.createIfMissing = createIfMissing;
			return this;
		}

		/**
		 * Whether to refuse a table that already exists; default {@code false}.
		 * @param errorIfExists refuse an existing table
		 * @return this builder
		 */
		public Builder errorIfExists(boolean errorIfExists) {
			this.errorIfExists = errorIfExists;
			return this;
		}

		/**
		 * The billing of a table the store creates; default on-demand.
		 * @param billing the billing: capacities not negative, both at least 1 for
		 * provisioned billing
		 * @return this builder
		 * @throws InvalidOptionException naming the capacity that breaks its rule
		 * ({@code billing.writeCapacity}), or when it is {@code null}
		 */
		public Builder billing(@Nullable Billing billing) {
			this.billing = checkBilling(billing);
			return this;
		}

		/**
		 * Whether reads are strongly consistent (read-your-writes, as LevelDB); default
		 * {@code true}. Eventually consistent reads cost half.
		 * @param consistentReads strongly consistent reads
		 * @return this builder
		 */
		public Builder consistentReads(boolean consistentReads) {
			this.consistentReads = consistentReads;
			return this;
		}

		/**
		 * The attribute names of items, to adopt an existing table; default
		 * {@link AttributeNames#DEFAULT}.
		 * @param attributeNames five different names, each 1 to
		 * {@value #MAX_KEY_ATTRIBUTE_NAME_BYTES} bytes of well-formed UTF-8 for the key
		 * attributes and 1 to {@value #MAX_ATTRIBUTE_NAME_BYTES} for the others
		 * @return this builder
		 * @throws InvalidOptionException naming the attribute
		 * ({@code attributeNames.sortKey}) that breaks its rule
		 */
		public Builder attributeNames(@Nullable AttributeNames attributeNames) {
			this.attributeNames = checkAttributeNames(attributeNames);
			return this;
		}

		/**
		 * How unprocessed items and keys and cancelled transactions are retried; default
		 * {@link RetryPolicy#DEFAULT}.
		 * @param retryPolicy the policy: at least 1 attempt, a base delay not negative, a
		 * longest delay not shorter than the base delay, a positive deadline
		 * @return this builder
		 * @throws InvalidOptionException naming the part that breaks its rule
		 * ({@code retryPolicy.maxDelay}), or when it is {@code null}
		 */
		public Builder retryPolicy(@Nullable RetryPolicy retryPolicy) {
			this.retryPolicy = checkRetryPolicy("retryPolicy", retryPolicy);
			return this;
		}

		/**
		 * Whether iterators request the next page while the current one is consumed;
		 * default {@code true}.
		 * @param readAhead read ahead
		 * @return this builder
		 */
		public Builder readAhead(boolean readAhead) {
			this.readAhead = readAhead;
			return this;
		}

		/**
		 * The most requests one bulk write, {@code clear} or {@code getMany} sends at
		 * once; default {@value LevelDbBuilder#DEFAULT_CONCURRENCY}.
		 * @param concurrency at least 1
		 * @return this builder
		 * @throws InvalidOptionException for less than 1
		 */
		public Builder concurrency(int concurrency) {
			if (concurrency < 1) {
				throw new InvalidOptionException("concurrency", concurrency, "must be at least 1");
			}
			this.concurrency = concurrency;
			return this;
		}

		/**
		 * How long opening waits for the table to become {@code ACTIVE}; default 5
		 * minutes.
		 * @param activeTimeout a positive duration
		 * @return this builder
		 * @throws InvalidOptionException for {@code null} or a duration that is not
		 * positive
		 */
		public Builder activeTimeout(@Nullable Duration activeTimeout) {
			this.activeTimeout = positive("activeTimeout", activeTimeout);
			return this;
		}

		/**
		 * How long closing waits for operations in flight; default 30 seconds.
		 * @param closeTimeout a duration, zero to wait for nothing
		 * @return this builder
		 * @throws InvalidOptionException for {@code null} or a negative duration
		 */
		public Builder closeTimeout(@Nullable Duration closeTimeout) {
			Duration checked = notNull("closeTimeout", closeTimeout);
			if (checked.isNegative()) {
				throw new InvalidOptionException("closeTimeout", checked, "must not be negative");
			}
			this.closeTimeout = checked;
			return this;
		}

		/**
		 * The longest one DynamoDB request may take, the SDK's retries included; default
		 * {@link LevelDbBuilder#DEFAULT_TIMEOUT 10 seconds}.
		 * @param timeout a positive duration, not shorter than the attempt timeout
		 * (checked by {@link #build()})
		 * @return this builder
		 * @throws InvalidOptionException for {@code null} or a duration that is not
		 * positive
		 */
		public Builder timeout(@Nullable Duration timeout) {
			this.timeout = positive("timeout", timeout);
			return this;
		}

		/**
		 * The longest one attempt of a DynamoDB request may take; default
		 * {@link LevelDbBuilder#DEFAULT_ATTEMPT_TIMEOUT 2 seconds}.
		 * @param attemptTimeout a positive duration, not longer than the timeout (checked
		 * by {@link #build()})
		 * @return this builder
		 * @throws InvalidOptionException for {@code null} or a duration that is not
		 * positive
		 */
		public Builder attemptTimeout(@Nullable Duration attemptTimeout) {
			this.attemptTimeout = positive("attemptTimeout", attemptTimeout);
			return this;
		}

		/**
		 * The store's notion of now for expiry; default the system clock.
		 * @param clock the clock
		 * @return this builder
		 * @throws InvalidOptionException when it is {@code null}
		 */
		public Builder clock(@Nullable Clock clock) {
			this.clock = notNull("clock", clock);
			return this;
		}

		/**
		 * How values are compressed before they are stored; default
		 * {@link Compression#DEFAULT}.
		 * @param compression the setting: a codec, and a deflate level of 1 to 9
		 * @return this builder
		 * @throws InvalidOptionException naming the part that breaks its rule
		 * ({@code compression.level}), or when it is {@code null}
		 */
		public Builder compression(@Nullable Compression compression) {
			this.compression = checkCompression(compression);
			return this;
		}

		/**
		 * The largest value the store writes and reads, before and after compression;
		 * default 16 MiB.
		 * @param bytes 1 to {@value LevelDbBuilder#MAX_VALUE_SIZE_LIMIT}
		 * @return this builder
		 * @throws InvalidOptionException for a size out of range
		 */
		public Builder maxValueSize(long bytes) {
			if (bytes < 1 || bytes > LevelDbBuilder.MAX_VALUE_SIZE_LIMIT) {
				throw new InvalidOptionException("maxValueSize", bytes,
						"must be 1 to " + LevelDbBuilder.MAX_VALUE_SIZE_LIMIT + " bytes");
			}
			this.maxValueSize = bytes;
			return this;
		}

		/**
		 * The most stored bytes of large (chunked) values the store reads at once;
		 * default 16 MiB.
		 * @param bytes 1 to {@value Integer#MAX_VALUE}
		 * @return this builder
		 * @throws InvalidOptionException for a budget out of range
		 */
		public Builder readBudget(long bytes) {
			if (bytes < 1 || bytes > Integer.MAX_VALUE) {
				throw new InvalidOptionException("readBudget", bytes, "must be 1 to " + Integer.MAX_VALUE + " bytes");
			}
			this.readBudget = bytes;
			return this;
		}

		/**
		 * How many partition keys the database spreads its keys over; default 1 (see
		 * {@link LevelDbBuilder#shards(int)}). The count belongs to the database: opening
		 * it with another count than the one recorded on its first open fails.
		 * @param shards 1 to {@value #MAX_SHARDS}
		 * @return this builder
		 * @throws InvalidOptionException for a count out of range
		 */
		public Builder shards(int shards) {
			if (shards < 1 || shards > MAX_SHARDS) {
				throw new InvalidOptionException("shards", shards, "must be 1 to " + MAX_SHARDS);
			}
			this.shards = shards;
			return this;
		}

		/**
		 * The options, once the rules that relate two of them hold: a table is set, the
		 * attempt timeout is not longer than the timeout, and the hash key leaves room
		 * for the number of its last shard.
		 * @return the options
		 * @throws InvalidOptionException naming the option that breaks its rule
		 */
		public LevelDbOptions build() {
			String checkedTable = checkTable(this.table);
			Duration checkedTimeout = positive("timeout", this.timeout);
			Duration checkedAttempt = positive("attemptTimeout", this.attemptTimeout);
			if (checkedAttempt.compareTo(checkedTimeout) > 0) {
				throw new InvalidOptionException("attemptTimeout",
						"attemptTimeout (" + Timeouts.readable(checkedAttempt) + ")", checkedAttempt,
						"must not be longer than {timeout} (" + Timeouts.readable(checkedTimeout)
								+ "), the whole request with its retries");
			}
			checkShardedHashKey(this.hashKey, this.shards);
			return new LevelDbOptions(this, checkedTable, checkedTimeout, checkedAttempt);
		}

		/**
		 * The partition key of the last shard (the hash key, U+0000 and the shard's
		 * number) must be within DynamoDB's 2048 bytes.
		 */
		private static void checkShardedHashKey(String hashKey, int shards) {
			if (shards == 1) {
				return;
			}
			int suffix = 1 + Integer.toString(shards - 1).length();
			int bytes = hashKey.getBytes(StandardCharsets.UTF_8).length;
			if (bytes > MAX_HASH_KEY_BYTES - suffix) {
				throw new InvalidOptionException("hashKey", "hash key", hashKey,
						"must be 1 to " + (MAX_HASH_KEY_BYTES - suffix) + " bytes of UTF-8 when {shards} is " + shards
								+ ", which leaves room for U+0000 and the number of the last shard (it has " + bytes
								+ " bytes)");
			}
		}

		private static Billing checkBilling(@Nullable Billing billing) {
			Billing checked = notNull("billing", billing);
			notNegative("billing.readCapacity", checked.readCapacity());
			notNegative("billing.writeCapacity", checked.writeCapacity());
			if ((checked.readCapacity() == 0) != (checked.writeCapacity() == 0)) {
				provisioned("billing.readCapacity", checked.readCapacity());
				provisioned("billing.writeCapacity", checked.writeCapacity());
			}
			return checked;
		}

		private static void notNegative(String option, long capacity) {
			if (capacity < 0) {
				throw new InvalidOptionException(option, capacity, "must not be negative");
			}
		}

		private static void provisioned(String option, long capacity) {
			if (capacity < 1) {
				throw new InvalidOptionException(option, capacity, "must be at least 1 for provisioned billing");
			}
		}

		/**
		 * Checks a retry policy given as an option.
		 * @param option the option's name, such as {@code retryPolicy}; its parts are
		 * named after it ({@code retryPolicy.maxDelay})
		 * @param policy the policy
		 * @return the policy
		 * @throws InvalidOptionException naming the part that breaks its rule
		 */
		static RetryPolicy checkRetryPolicy(String option, @Nullable RetryPolicy policy) {
			RetryPolicy checked = notNull(option, policy);
			if (checked.maxAttempts() < 1) {
				throw new InvalidOptionException(option + ".maxAttempts", checked.maxAttempts(), "must be at least 1");
			}
			Duration baseDelay = checked.baseDelay();
			if (baseDelay == null || baseDelay.isNegative()) {
				throw new InvalidOptionException(option + ".baseDelay", baseDelay, "must be a duration, not negative");
			}
			if (checked.maxDelay() == null || checked.maxDelay().compareTo(baseDelay) < 0) {
				throw new InvalidOptionException(option + ".maxDelay", checked.maxDelay(),
						"must not be shorter than {" + option + ".baseDelay} (" + baseDelay + ")");
			}
			positive(option + ".deadline", checked.deadline());
			return checked;
		}

		private static Compression checkCompression(@Nullable Compression compression) {
			Compression checked = notNull("compression", compression);
			notNull("compression.codec", checked.codec());
			if (checked.codec() == Compression.Codec.DEFLATE && (checked.level() < 1 || checked.level() > 9)) {
				throw new InvalidOptionException("compression.level", "compression level", checked.level(),
						"must be 1 (fastest) to 9 (smallest)");
			}
			return checked;
		}

		private static String checkTable(@Nullable String table) {
			if (table == null || table.length() < MIN_TABLE_NAME || table.length() > MAX_TABLE_NAME
					|| !TABLE_NAME.matcher(table).matches()) {
				throw new InvalidOptionException("table", "table name", table,
						"must be " + MIN_TABLE_NAME + " to " + MAX_TABLE_NAME + " characters of [a-zA-Z0-9_.-]");
			}
			return table;
		}

		private static String checkHashKey(@Nullable String hashKey) {
			String checked = checkUtf8("hashKey", "hash key", hashKey, MAX_HASH_KEY_BYTES);
			int separator = checked.indexOf(Limits.SHARD_SEPARATOR);
			if (separator >= 0) {
				throw new InvalidOptionException("hashKey", "hash key", checked,
						"must not contain U+0000, which the partition keys of shards use (found at index " + separator
								+ ")");
			}
			return checked;
		}

		private static AttributeNames checkAttributeNames(@Nullable AttributeNames names) {
			AttributeNames checked = notNull("attributeNames", names);
			String hashKey = checkAttributeName("hashKey", "hash key", checked.hashKey(), MAX_KEY_ATTRIBUTE_NAME_BYTES);
			String sortKey = checkAttributeName("sortKey", "sort key", checked.sortKey(), MAX_KEY_ATTRIBUTE_NAME_BYTES);
			String value = checkAttributeName("value", "value", checked.value(), MAX_ATTRIBUTE_NAME_BYTES);
			String ttl = checkAttributeName("ttl", "ttl", checked.ttl(), MAX_ATTRIBUTE_NAME_BYTES);
			String form = checkAttributeName("form", "form", checked.form(), MAX_ATTRIBUTE_NAME_BYTES);
			if (new HashSet<>(List.of(hashKey, sortKey, value, ttl, form)).size() < 5) {
				throw new InvalidOptionException("attributeNames", "attribute names",
						String.join(", ", hashKey, sortKey, value, ttl, form),
						"must be five different names (hash key, sort key, value, ttl, form)");
			}
			return checked;
		}

		private static String checkAttributeName(String part, String words, @Nullable String name, int maxBytes) {
			return checkUtf8("attributeNames." + part, words + " attribute name", name, maxBytes);
		}

		/**
		 * Checks a string DynamoDB takes as UTF-8: 1 to {@code maxBytes} bytes, and
		 * well-formed, since Java's encoder would silently turn an unpaired surrogate
		 * into {@code ?} and two different strings would alias each other.
		 */
		private static String checkUtf8(String option, String subject, @Nullable String text, int maxBytes) {
			String rule = "must be 1 to " + maxBytes + " bytes of UTF-8";
			if (text == null || text.isEmpty()) {
				throw new InvalidOptionException(option, subject, text, rule);
			}
			int surrogate = Limits.unpairedSurrogate(text);
			if (surrogate >= 0) {
				throw new InvalidOptionException(option, subject, text,
						"must be well-formed UTF-16, without the unpaired surrogate U+"
								+ Integer.toHexString(text.charAt(surrogate)).toUpperCase(Locale.ROOT) + " at index "
								+ surrogate);
			}
			int bytes = text.getBytes(StandardCharsets.UTF_8).length;
			if (bytes > maxBytes) {
				throw new InvalidOptionException(option, subject, text, rule + " (it has " + bytes + " bytes)");
			}
			return text;
		}

		private static Duration positive(String option, @Nullable Duration duration) {
			if (duration == null || duration.isNegative() || duration.isZero()) {
				throw new InvalidOptionException(option, duration, "must be a positive duration");
			}
			return duration;
		}

		private static <T> T notNull(String option, @Nullable T value) {
			if (value == null) {
				throw new InvalidOptionException(option, null, "must not be null");
			}
			return value;
		}

	}

}
