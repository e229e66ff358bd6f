package io.dynamodown.boot.autoconfigure;

import java.net.URI;
import java.util.Map;

import io.dynamodown.Compression;
import io.dynamodown.Compression.Codec;
import io.dynamodown.InvalidOptionException;
import io.dynamodown.LevelDbOptions;
import io.dynamodown.boot.autoconfigure.DynamoDownProperties.BillingMode;
import io.dynamodown.boot.autoconfigure.DynamoDownProperties.Retry;
import io.dynamodown.retry.RetryPolicy;
import io.dynamodown.table.AttributeNames;
import io.dynamodown.table.Billing;
import org.jspecify.annotations.Nullable;

/**
 * The store options of the {@code dynamodown.*} properties. The core's
 * {@link LevelDbOptions} holds every rule; an option it refuses comes back as an
 * {@link InvalidOptionException} that names the option, and is reported as an
 * {@link InvalidDynamoDownPropertyException} naming the property set for it, before any
 * request is sent. The options of the change feed ({@code SubscriptionOptions}, which the
 * core names as parts of {@code options}) map to {@code dynamodown.changes.*} the same
 * way. The rules that belong to the properties themselves (capacities that provisioned
 * billing needs, the endpoint's form) are checked here.
 */
final class PropertiesOptions {

	/** The property of each option, by the option's name in the core. */
	private static final Map<String, String> PROPERTIES = Map.ofEntries(Map.entry("table", "dynamodown.table"),
			Map.entry("hashKey", "dynamodown.hash-key"), Map.entry("shards", "dynamodown.shards"),
			Map.entry("concurrency", "dynamodown.concurrency"), Map.entry("timeout", "dynamodown.timeout"),
			Map.entry("attemptTimeout", "dynamodown.attempt-timeout"),
			Map.entry("maxValueSize", "dynamodown.max-value-size"), Map.entry("readBudget", "dynamodown.read-budget"),
			Map.entry("closeTimeout", "dynamodown.close-timeout"),
			Map.entry("activeTimeout", "dynamodown.active-timeout"),
			Map.entry("billing.readCapacity", "dynamodown.read-capacity"),
			Map.entry("billing.writeCapacity", "dynamodown.write-capacity"),
			Map.entry("retryPolicy.maxAttempts", "dynamodown.retry.max-attempts"),
			Map.entry("retryPolicy.baseDelay", "dynamodown.retry.base-delay"),
			Map.entry("retryPolicy.maxDelay", "dynamodown.retry.max-delay"),
			Map.entry("retryPolicy.deadline", "dynamodown.retry.deadline"),
			Map.entry("attributeNames", "dynamodown.attribute-names"),
			Map.entry("attributeNames.hashKey", "dynamodown.attribute-names.hash-key"),
			Map.entry("attributeNames.sortKey", "dynamodown.attribute-names.sort-key"),
			Map.entry("attributeNames.value", "dynamodown.attribute-names.value"),
			Map.entry("attributeNames.ttl", "dynamodown.attribute-names.ttl"),
			Map.entry("attributeNames.form", "dynamodown.attribute-names.form"),
			Map.entry("compression.codec", "dynamodown.compression.codec"),
			Map.entry("compression.level", "dynamodown.compression.level"),
			Map.entry("options.startPosition", "dynamodown.changes.start-position"),
			Map.entry("options.pollInterval", "dynamodown.changes.poll-interval"),
			Map.entry("options.batchSize", "dynamodown.changes.batch-size"),
			Map.entry("options.leaseDuration", "dynamodown.changes.lease-duration"),
			Map.entry("options.handlerRetry", "dynamodown.changes.handler-retry"),
			Map.entry("options.handlerRetry.maxAttempts", "dynamodown.changes.handler-retry.max-attempts"),
			Map.entry("options.handlerRetry.baseDelay", "dynamodown.changes.handler-retry.base-delay"),
			Map.entry("options.handlerRetry.maxDelay", "dynamodown.changes.handler-retry.max-delay"),
			Map.entry("options.handlerRetry.deadline", "dynamodown.changes.handler-retry.deadline"));

	private PropertiesOptions() {
	}

	/**
	 * The options of the store, checked, before the client is built and any request is
	 * sent.
	 * @param properties the properties
	 * @param retry the retry policy, checked by {@link #retryPolicy(Retry)}
	 * @return the options
	 * @throws InvalidDynamoDownPropertyException naming the first invalid property
	 */
	static LevelDbOptions options(DynamoDownProperties properties, RetryPolicy retry) {
		Billing billing = billing(properties);
		try {
			return LevelDbOptions.builder()
				.table(properties.getTable())
				.hashKey(properties.getHashKey())
				.shards(properties.getShards())
				.concurrency(properties.getConcurrency())
				.billing(billing)
				.createIfMissing(properties.isCreateIfMissing())
				.errorIfExists(properties.isErrorIfExists())
				.consistentReads(properties.isConsistentReads())
				.readAhead(properties.isReadAhead())
				.timeout(properties.getTimeout())
				.attemptTimeout(properties.getAttemptTimeout())
				.maxValueSize(properties.getMaxValueSize().toBytes())
				.readBudget(properties.getReadBudget().toBytes())
				.compression(compression(properties.getCompression()))
				.closeTimeout(properties.getCloseTimeout())
				.activeTimeout(properties.getActiveTimeout())
				.attributeNames(attributeNames(properties.getAttributeNames()))
				.retryPolicy(retry)
				.build();
		}
		catch (InvalidOptionException ex) {
			throw invalidProperty(ex, properties);
		}
	}

	/**
	 * The retry policy of the store and of the client the starter builds, checked.
	 * @param retry the {@code dynamodown.retry.*} properties
	 * @return the policy
	 * @throws InvalidDynamoDownPropertyException naming the first invalid property
	 */
	static RetryPolicy retryPolicy(Retry retry) {
		RetryPolicy policy = new RetryPolicy(retry.getMaxAttempts(), retry.getBaseDelay(), retry.getMaxDelay(),
				retry.getDeadline());
		try {
			LevelDbOptions.builder().retryPolicy(policy);
			return policy;
		}
		catch (InvalidOptionException ex) {
			throw invalidProperty(ex, null);
		}
	}

	/**
	 * The property failure of an option the core refuses: the property set for it, the
	 * value as it was set, and the core's rule with the other options it names written as
	 * their properties.
	 */
	static InvalidDynamoDownPropertyException invalidProperty(InvalidOptionException ex,
			@Nullable DynamoDownProperties properties) {
		String property = PROPERTIES.getOrDefault(ex.option(), "dynamodown");
		Object value = ex.rejectedValue();
		if (properties != null && property.equals("dynamodown.max-value-size")) {
			value = properties.getMaxValueSize();
		}
		else if (properties != null && property.equals("dynamodown.read-budget")) {
			value = properties.getReadBudget();
		}
		String rule = ex.rule((option) -> PROPERTIES.getOrDefault(option, option));
		if (value == null && property.equals("dynamodown.table")) {
			rule = "must be set to the name of the DynamoDB table: it " + rule;
		}
		return new InvalidDynamoDownPropertyException(property, value, rule);
	}

	private static AttributeNames attributeNames(DynamoDownProperties.AttributeNames names) {
		return new AttributeNames(names.getHashKey(), names.getSortKey(), names.getValue(), names.getTtl(),
				names.getForm());
	}

	/**
	 * The compression of the store: none when {@code dynamodown.compression.enabled} is
	 * false or the codec is {@code none}, else the codec at the level (checked by the
	 * options).
	 * @param compression the {@code dynamodown.compression.*} properties
	 * @return the setting
	 */
	static Compression compression(DynamoDownProperties.Compression compression) {
		Codec codec = compression.getCodec();
		if (!compression.isEnabled() || codec == Codec.NONE) {
			return Compression.none();
		}
		return new Compression(codec, compression.getLevel());
	}

	/**
	 * The billing of a table the store creates, from the capacities and the billing mode;
	 * the core checks the capacities themselves.
	 * @param properties the properties
	 * @return the billing
	 * @throws InvalidDynamoDownPropertyException when a capacity provisioned billing
	 * needs is not set, or capacities are set for on-demand billing
	 */
	static Billing billing(DynamoDownProperties properties) {
		Long read = properties.getReadCapacity();
		Long write = properties.getWriteCapacity();
		BillingMode mode = properties.getBillingMode();
		requireCapacity("dynamodown.read-capacity", read, "dynamodown.write-capacity", write, mode);
		requireCapacity("dynamodown.write-capacity", write, "dynamodown.read-capacity", read, mode);
		if (mode == BillingMode.PROVISIONED) {
			return Billing.provisioned(orZero(read), orZero(write));
		}
		Billing billing = Billing.of(read, write);
		if (mode == BillingMode.ON_DEMAND && (orZero(read) > 0 || orZero(write) > 0)) {
			throw new InvalidDynamoDownPropertyException("dynamodown.billing-mode", "on-demand",
					"must be 'provisioned' when dynamodown.read-capacity or dynamodown.write-capacity is set");
		}
		return billing;
	}

	/**
	 * Reports a capacity that provisioned billing needs and the user did not set as
	 * missing, rather than as the 0 it would otherwise be taken for.
	 */
	private static void requireCapacity(String property, @Nullable Long capacity, String otherProperty,
			@Nullable Long other, @Nullable BillingMode mode) {
		if (capacity != null) {
			return;
		}
		if (other != null && other > 0) {
			throw new InvalidDynamoDownPropertyException(property, null,
					"must be set when " + otherProperty + " is set, as provisioned billing needs both capacities");
		}
		if (mode == BillingMode.PROVISIONED) {
			throw new InvalidDynamoDownPropertyException(property, null,
					"must be set when dynamodown.billing-mode is 'provisioned'");
		}
	}

	/**
	 * The endpoint override, checked: an absolute {@code http} or {@code https} URL with
	 * a host. A value without a scheme ({@code localhost:8000}) binds as a URI whose
	 * scheme is the host name, which the SDK would refuse deep inside the client's
	 * construction.
	 * @param properties the properties
	 * @return the endpoint, or {@code null} when it is not set
	 * @throws InvalidDynamoDownPropertyException when the endpoint is not such a URL
	 */
	static @Nullable URI endpoint(DynamoDownProperties properties) {
		URI endpoint = properties.getEndpoint();
		if (endpoint == null) {
			return null;
		}
		String scheme = endpoint.getScheme();
		boolean http = scheme != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
		if (!http || endpoint.getHost() == null) {
			throw new InvalidDynamoDownPropertyException("dynamodown.endpoint", endpoint,
					"must be an absolute URL with the scheme http or https and a host, such as "
							+ "http://localhost:8000 or https://dynamodb.eu-west-1.amazonaws.com");
		}
		return endpoint;
	}

	private static long orZero(@Nullable Long value) {
		return (value != null) ? value : 0;
	}

}
