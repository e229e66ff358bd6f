package io.dynamodown.internal.condition;

import java.util.HashMap;
import java.util.Map;

import io.dynamodown.table.AttributeNames;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plans the expressions that make expired items absent: a filter for reads that DynamoDB
 * answers with items (queries), and the condition of each conditional write. An item is
 * live when it has no expiry attribute or one greater than now (epoch seconds); from the
 * second of its expiry on, it is absent. An expiry attribute that is not a Number is no
 * expiry, everywhere. Pure: no I/O.
 * <p>
 * Placeholders are {@code #k} (sort key), {@code #v} (value), {@code #f} (form),
 * {@code #t} (expiry), {@code :now}, {@code :ttlType}, {@code :expected} and
 * {@code :form}; they differ from the range planner's, so a query can carry a key
 * condition and a filter together. {@code TTL} and {@code VALUE} are DynamoDB reserved
 * words, so names always go through placeholders.
 */
public final class ConditionPlanner {

	/**
	 * Live: no expiry, an expiry that is not a Number (DynamoDB's TTL ignores it, and so
	 * does every read of the store), or one greater than now.
	 */
	private static final String LIVE = "(attribute_not_exists(#t) OR NOT attribute_type(#t, :ttlType) OR #t > :now)";

	/** Absent: no item, or one whose Number expiry is not greater than now. */
	private static final String ABSENT = "attribute_not_exists(#k) OR (attribute_type(#t, :ttlType) AND #t <= :now)";

	private static final AttributeValue NUMBER_TYPE = AttributeValue.fromS("N");

	private ConditionPlanner() {
	}

	/**
	 * The filter that keeps only live items.
	 * @param names the attribute names
	 * @param now the store's now, in epoch seconds
	 * @return the filter expression
	 */
	public static ConditionExpression liveFilter(AttributeNames names, long now) {
		return new ConditionExpression(LIVE, Map.of("#t", names.ttl()),
				Map.of(":now", number(now), ":ttlType", NUMBER_TYPE));
	}

	/**
	 * The condition expression of a conditional write.
	 * @param condition what the write requires
	 * @param names the attribute names
	 * @param now the store's now, in epoch seconds
	 * @return the condition expression
	 */
	public static ConditionExpression plan(Condition condition, AttributeNames names, long now) {
		if (condition instanceof Condition.StoredIs stored) {
			Map<String, AttributeValue> values = new HashMap<>(4);
			values.put(":now", number(now));
			values.put(":ttlType", NUMBER_TYPE);
			String value = equalOrMissing("#v", ":expected", stored.value(), values);
			String form = equalOrMissing("#f", ":form", stored.form(), values);
			return new ConditionExpression("attribute_exists(#k) AND " + value + " AND " + form + " AND " + LIVE,
					Map.of("#k", names.sortKey(), "#v", names.value(), "#f", names.form(), "#t", names.ttl()), values);
		}
		if (condition instanceof Condition.NotChunked) {
			return new ConditionExpression("attribute_exists(#v) OR attribute_not_exists(#k)",
					Map.of("#k", names.sortKey(), "#v", names.value()), Map.of());
		}
		if (condition instanceof Condition.Replacing replacing) {
			return new ConditionExpression("#f = :form", Map.of("#f", names.form()),
					Map.of(":form", AttributeValue.fromB(SdkBytes.fromByteArray(replacing.form()))));
		}
		if (condition instanceof Condition.ValueIs) {
			throw new IllegalArgumentException("a value condition is sent as the stored form it expects (StoredIs)");
		}
		return new ConditionExpression(ABSENT, Map.of("#k", names.sortKey(), "#t", names.ttl()),
				Map.of(":now", number(now), ":ttlType", NUMBER_TYPE));
	}

	private static String equalOrMissing(String name, String placeholder, byte @Nullable [] expected,
			Map<String, AttributeValue> values) {
		if (expected == null) {
			return "attribute_not_exists(" + name + ")";
		}
		values.put(placeholder, AttributeValue.fromB(SdkBytes.fromByteArray(expected)));
		return name + " = " + placeholder;
	}

	private static AttributeValue number(long value) {
		return AttributeValue.fromN(Long.toString(value));
	}

}
