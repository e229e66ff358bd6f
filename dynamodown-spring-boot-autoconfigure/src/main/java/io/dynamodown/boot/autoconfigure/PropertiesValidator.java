package io.dynamodown.boot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dynamodown.Compression;
import io.dynamodown.Compression.Codec;
import io.dynamodown.LevelDbBuilder;
import io.dynamodown.LevelDbException;
import io.dynamodown.boot.autoconfigure.DynamoDownProperties.BillingMode;
import io.dynamodown.boot.autoconfigure.DynamoDownProperties.Retry;
import io.dynamodown.retry.RetryPolicy;
import io.dynamodown.table.AttributeNames;
import io.dynamodown.table.Billing;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Hands the {@code dynamodown.*} properties to the core, whose builder, retry policy,
 * billing and compression hold every rule, and reports a value the core refuses as an
 * {@link InvalidDynamoDownPropertyException} naming the property, before any request is
 * sent. The core's messages start with the name of what they check ({@code maxDelay
 * must not be shorter than baseDelay (PT2S), was PT1S}); that name becomes the property.
 */
final class PropertiesValidator {

	private static final Pattern CAMEL_CASE_NAME = Pattern.compile("\\b[a-z]+(?:[A-Z][a-z]+)+\\b");

	private PropertiesValidator() {
	}

	/**
	 * Checks the properties of the store (all but the retry policy, which
	 * {@link #retryPolicy(Retry)} checks as it builds it), before the client is built and
	 * any request is sent.
	 * @param properties the properties
	 * @throws InvalidDynamoDownPropertyException naming the first invalid property
	 */
	static void validate(DynamoDownProperties properties) {
		requireTable(properties);
		endpoint(properties);
		check("dynamodown.hash-key", properties.getHashKey(), "hash key",
				() -> LevelDbBuilder.checkHashKey(properties.getHashKey()));
		check("dynamodown.concurrency", properties.getConcurrency(), "concurrency",
				() -> LevelDbBuilder.checkConcurrency(properties.getConcurrency()));
		billing(properties);
		checkTimeouts(properties);
		maxValueSize(properties);
		readBudget(properties);
		compression(properties.getCompression());
		notNegative("dynamodown.close-timeout", properties.getCloseTimeout());
		positive("dynamodown.active-timeout", properties.getActiveTimeout());
	}

	/**
	 * Gives the store's own options to a builder; call {@link #validate} first, so that
	 * an invalid value is reported with its property.
	 * @param builder the builder
	 * @param properties the properties
	 * @return the builder
	 * @throws InvalidDynamoDownPropertyException when the table is not set
	 */
	static LevelDbBuilder configure(LevelDbBuilder builder, DynamoDownProperties properties) {
		return builder.table(requireTable(properties))
			.hashKey(properties.getHashKey())
			.concurrency(properties.getConcurrency())
			.billing(billing(properties))
			.createIfMissing(properties.isCreateIfMissing())
			.errorIfExists(properties.isErrorIfExists())
			.consistentReads(properties.isConsistentReads())
			.readAhead(properties.isReadAhead())
			.timeout(properties.getTimeout())
			.attemptTimeout(properties.getAttemptTimeout())
			.maxValueSize(maxValueSize(properties))
			.readBudget(readBudget(properties))
			.compression(compression(properties.getCompression()))
			.closeTimeout(notNegative("dynamodown.close-timeout", properties.getCloseTimeout()))
			.activeTimeout(positive("dynamodown.active-timeout", properties.getActiveTimeout()))
			.attributeNames(attributeNames(builder, properties.getAttributeNames()));
	}

	/**
	 * Gives the attribute names to the builder, which checks them, and names the property
	 * of the one it refuses: the core's message starts with the attribute ({@code sort
	 * key attribute name ...}).
	 */
	private static AttributeNames attributeNames(LevelDbBuilder builder, DynamoDownProperties.AttributeNames names) {
		AttributeNames attributeNames = new AttributeNames(names.getHashKey(), names.getSortKey(), names.getValue(),
				names.getTtl(), names.getForm());
		try {
			builder.attributeNames(attributeNames);
			return attributeNames;
		}
		catch (LevelDbException ex) {
			String message = ruleOf(String.valueOf(ex.getMessage()).substring(ex.code().name().length() + 2), "");
			Map<String, String> byAttribute = new LinkedHashMap<>();
			byAttribute.put("hash key", names.getHashKey());
			byAttribute.put("sort key", names.getSortKey());
			byAttribute.put("value", names.getValue());
			byAttribute.put("ttl", names.getTtl());
			byAttribute.put("form", names.getForm());
			for (Map.Entry<String, String> attribute : byAttribute.entrySet()) {
				if (message.startsWith(attribute.getKey() + " attribute name ")) {
					throw new InvalidDynamoDownPropertyException(
							"dynamodown.attribute-names." + attribute.getKey().replace(' ', '-'), attribute.getValue(),
							"is not a valid attribute name: " + message);
				}
			}
			throw new InvalidDynamoDownPropertyException("dynamodown.attribute-names",
					String.join(", ", byAttribute.values()),
					"must name five different attributes (hash-key, sort-key, value, ttl, form)");
		}
	}

	private static Duration notNegative(String property, Duration duration) {
		if (duration.isNegative()) {
			throw new InvalidDynamoDownPropertyException(property, duration, "must not be negative");
		}
		return duration;
	}

	private static Duration positive(String property, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new InvalidDynamoDownPropertyException(property, duration, "must be a positive duration");
		}
		return duration;
	}

	/**
	 * The compression of the store: none when {@code dynamodown.compression.enabled} is
	 * false or the codec is {@code none}, else the codec at the level.
	 * @param compression the {@code dynamodown.compression.*} properties
	 * @return the setting
	 * @throws InvalidDynamoDownPropertyException when the level is outside the codec's
	 * range
	 */
	static Compression compression(DynamoDownProperties.Compression compression) {
		Codec codec = compression.getCodec();
		if (!compression.isEnabled() || codec == Codec.NONE) {
			return Compression.none();
		}
		int level = compression.getLevel();
		return check("dynamodown.compression.level", level, "compression level", () -> new Compression(codec, level));
	}

	/**
	 * The billing of a table the store creates, from the capacities and the billing mode.
	 * @param properties the properties
	 * @return the billing
	 * @throws InvalidDynamoDownPropertyException naming the first invalid property
	 */
	static Billing billing(DynamoDownProperties properties) {
		Long read = properties.getReadCapacity();
		Long write = properties.getWriteCapacity();
		BillingMode mode = properties.getBillingMode();
		requireCapacity("dynamodown.read-capacity", read, "dynamodown.write-capacity", write, mode);
		requireCapacity("dynamodown.write-capacity", write, "dynamodown.read-capacity", read, mode);
		if (mode == BillingMode.PROVISIONED) {
			return checkComponents("dynamodown.", () -> Billing.provisioned(orZero(read), orZero(write)));
		}
		Billing billing = checkComponents("dynamodown.", () -> Billing.of(read, write));
		if (mode == BillingMode.ON_DEMAND && !billing.isOnDemand()) {
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
	 * The retry policy of the store and of the client the starter builds.
	 * @param retry the {@code dynamodown.retry.*} properties
	 * @return the policy
	 * @throws InvalidDynamoDownPropertyException naming the first invalid property
	 */
	static RetryPolicy retryPolicy(Retry retry) {
		return checkComponents("dynamodown.retry.", () -> new RetryPolicy(retry.getMaxAttempts(), retry.getBaseDelay(),
				retry.getMaxDelay(), retry.getDeadline()));
	}

	/**
	 * Checks the two timeouts with the core's rule; its message starts with the option
	 * that breaks it ({@code attemptTimeout (3s) must not be longer than timeout (2s)}),
	 * which names the property.
	 */
	private static void checkTimeouts(DynamoDownProperties properties) {
		try {
			LevelDbBuilder.checkTimeouts(properties.getAttemptTimeout(), properties.getTimeout());
		}
		catch (LevelDbException ex) {
			String message = String.valueOf(ex.getMessage()).substring(ex.code().name().length() + 2);
			boolean attempt = message.startsWith("attemptTimeout");
			String rule = ruleOf(message.substring(message.indexOf("must")), "").replace("than timeout",
					"than dynamodown.timeout");
			throw new InvalidDynamoDownPropertyException(attempt ? "dynamodown.attempt-timeout" : "dynamodown.timeout",
					attempt ? properties.getAttemptTimeout() : properties.getTimeout(), rule);
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

	private static long maxValueSize(DynamoDownProperties properties) {
		DataSize size = properties.getMaxValueSize();
		return check("dynamodown.max-value-size", size, "maxValueSize",
				() -> LevelDbBuilder.checkMaxValueSize(size.toBytes()));
	}

	private static long readBudget(DynamoDownProperties properties) {
		DataSize size = properties.getReadBudget();
		return check("dynamodown.read-budget", size, "readBudget",
				() -> LevelDbBuilder.checkReadBudget(size.toBytes()));
	}

	private static String requireTable(DynamoDownProperties properties) {
		String table = properties.getTable();
		if (table == null) {
			throw new InvalidDynamoDownPropertyException("dynamodown.table", null,
					"must be set to the name of the DynamoDB table (3 to 255 characters of [a-zA-Z0-9_.-])");
		}
		check("dynamodown.table", table, "table name", () -> LevelDbBuilder.checkTable(table));
		return table;
	}

	private static long orZero(@Nullable Long value) {
		return (value != null) ? value : 0;
	}

	private static <T> T check(String property, Object value, String subject, Supplier<T> rule) {
		try {
			return rule.get();
		}
		catch (LevelDbException ex) {
			String message = String.valueOf(ex.getMessage()).substring(ex.code().name().length() + 2);
			throw new InvalidDynamoDownPropertyException(property, value, ruleOf(message, subject));
		}
	}

	/**
	 * Runs a core constructor whose messages start with the name of the component that
	 * breaks its rule, and names the matching property ({@code readCapacity} under
	 * {@code dynamodown.} is {@code dynamodown.read-capacity}).
	 */
	private static <T> T checkComponents(String prefix, Supplier<T> constructor) {
		try {
			return constructor.get();
		}
		catch (IllegalArgumentException ex) {
			String message = String.valueOf(ex.getMessage());
			String component = message.substring(0, Math.max(message.indexOf(' '), 0));
			int was = message.lastIndexOf(", was ");
			String value = (was >= 0) ? message.substring(was + 6) : null;
			Matcher names = CAMEL_CASE_NAME.matcher(ruleOf(message, component));
			String rule = names.replaceAll((name) -> property(prefix, name.group()));
			throw new InvalidDynamoDownPropertyException(property(prefix, component), value, rule);
		}
	}

	private static String ruleOf(String message, String subject) {
		String rule = message.startsWith(subject + " ") ? message.substring(subject.length() + 1) : message;
		int was = rule.lastIndexOf(", was ");
		return (was >= 0) ? rule.substring(0, was) : rule;
	}

	private static String property(String prefix, String camelCaseName) {
		return prefix + camelCaseName.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
	}

}
