package io.dynamodown.autoconfigure;

import java.time.Duration;
import java.util.regex.Pattern;

import io.dynamodown.autoconfigure.DynamoDownProperties.BillingMode;
import io.dynamodown.autoconfigure.DynamoDownProperties.Retry;
import io.dynamodown.retry.RetryPolicy;
import io.dynamodown.table.Billing;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the {@code dynamodown.*} properties, checked once they are bound so that a
 * wrong value fails startup with a message naming the property rather than later, on the
 * first request.
 */
final class PropertiesValidator {

	private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

	private PropertiesValidator() {
	}

	static void validate(DynamoDownProperties properties) {
		String table = properties.getTable();
		if (table != null && !TABLE_NAME.matcher(table).matches()) {
			throw new InvalidDynamoDownPropertyException("dynamodown.table", table,
					"must be 3 to 255 characters of [a-zA-Z0-9_.-]");
		}
		if (properties.getHashKey().isEmpty()) {
			throw new InvalidDynamoDownPropertyException("dynamodown.hash-key", "", "must not be empty");
		}
		billing(properties);
		retryPolicy(properties.getRetry());
		concurrency(properties);
	}

	static String requireTable(DynamoDownProperties properties) {
		String table = properties.getTable();
		if (table == null) {
			throw new InvalidDynamoDownPropertyException("dynamodown.table", null,
					"must be set to the name of the DynamoDB table (3 to 255 characters of [a-zA-Z0-9_.-])");
		}
		return table;
	}

	static Billing billing(DynamoDownProperties properties) {
		Long read = properties.getReadCapacity();
		Long write = properties.getWriteCapacity();
		checkNotNegative("dynamodown.read-capacity", read);
		checkNotNegative("dynamodown.write-capacity", write);
		boolean capacitiesSet = (read != null && read > 0) || (write != null && write > 0);
		BillingMode mode = properties.getBillingMode();
		if (mode == null) {
			mode = capacitiesSet ? BillingMode.PROVISIONED : BillingMode.ON_DEMAND;
		}
		if (mode == BillingMode.ON_DEMAND) {
			if (capacitiesSet) {
				throw new InvalidDynamoDownPropertyException("dynamodown.billing-mode", "on-demand",
						"must be 'provisioned' when dynamodown.read-capacity or dynamodown.write-capacity is set");
			}
			return Billing.ON_DEMAND;
		}
		if (read == null || read < 1) {
			throw new InvalidDynamoDownPropertyException("dynamodown.read-capacity", read,
					"must be at least 1 for provisioned billing");
		}
		if (write == null || write < 1) {
			throw new InvalidDynamoDownPropertyException("dynamodown.write-capacity", write,
					"must be at least 1 for provisioned billing");
		}
		return Billing.provisioned(read, write);
	}

	static RetryPolicy retryPolicy(Retry retry) {
		if (retry.getMaxAttempts() < 1) {
			throw new InvalidDynamoDownPropertyException("dynamodown.retry.max-attempts", retry.getMaxAttempts(),
					"must be at least 1");
		}
		checkNotNegative("dynamodown.retry.base-delay", retry.getBaseDelay());
		if (retry.getMaxDelay().compareTo(retry.getBaseDelay()) < 0) {
			throw new InvalidDynamoDownPropertyException("dynamodown.retry.max-delay", retry.getMaxDelay(),
					"must not be shorter than dynamodown.retry.base-delay (" + retry.getBaseDelay() + ")");
		}
		if (retry.getDeadline().isNegative() || retry.getDeadline().isZero()) {
			throw new InvalidDynamoDownPropertyException("dynamodown.retry.deadline", retry.getDeadline(),
					"must be positive");
		}
		return new RetryPolicy(retry.getMaxAttempts(), retry.getBaseDelay(), retry.getMaxDelay(), retry.getDeadline());
	}

	static int concurrency(DynamoDownProperties properties) {
		if (properties.getConcurrency() < 1) {
			throw new InvalidDynamoDownPropertyException("dynamodown.concurrency", properties.getConcurrency(),
					"must be at least 1");
		}
		return properties.getConcurrency();
	}

	private static void checkNotNegative(String property, @Nullable Long value) {
		if (value != null && value < 0) {
			throw new InvalidDynamoDownPropertyException(property, value, "must not be negative");
		}
	}

	private static void checkNotNegative(String property, Duration value) {
		if (value.isNegative()) {
			throw new InvalidDynamoDownPropertyException(property, value, "must not be negative");
		}
	}

}
