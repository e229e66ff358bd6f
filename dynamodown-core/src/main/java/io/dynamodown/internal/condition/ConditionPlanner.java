package io.dynamodown.internal.condition;

import java.util.Map;

import io.dynamodown.table.AttributeNames;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plans the expressions that make expired items absent: a filter for reads that DynamoDB
 * answers with items (queries), and the condition of each conditional write. An item is
 * live when it has no expiry attribute or one greater than now (epoch seconds); from the
 * second of its expiry on, it is absent. Pure: no I/O.
 * <p>
 * Placeholders are {@code #k} (sort key), {@code #v} (value), {@code #t} (expiry),
 * {@code :now} and {@code :expected}; they differ from the range planner's, so a query
 * can carry a key condition and a filter together. {@code TTL} and {@code VALUE} are
 * DynamoDB reserved words, so names always go through placeholders.
 */
public final class ConditionPlanner {

	private static final String LIVE = "(attribute_not_exists(#t) OR #t > :now)";

	private ConditionPlanner() {
	}

	/**
	 * The filter that keeps only live items.
	 * @param names the attribute names
	 * @param now the store's now, in epoch seconds
	 * @return the filter expression
	 */
	public static ConditionExpression liveFilter(AttributeNames names, long now) {
		return new ConditionExpression(LIVE, Map.of("#t", names.ttl()), Map.of(":now", number(now)));
	}

	/**
	 * The condition expression of a conditional write.
	 * @param condition what the write requires
	 * @param names the attribute names
	 * @param now the store's now, in epoch seconds
	 * @return the condition expression
	 */
	public static ConditionExpression plan(Condition condition, AttributeNames names, long now) {
		if (condition instanceof Condition.ValueIs valueIs) {
			return new ConditionExpression("#v = :expected AND " + LIVE, Map.of("#v", names.value(), "#t", names.ttl()),
					Map.of(":expected", AttributeValue.fromB(SdkBytes.fromByteArray(valueIs.expected())), ":now",
							number(now)));
		}
		return new ConditionExpression("attribute_not_exists(#k) OR #t <= :now",
				Map.of("#k", names.sortKey(), "#t", names.ttl()), Map.of(":now", number(now)));
	}

	private static AttributeValue number(long value) {
		return AttributeValue.fromN(Long.toString(value));
	}

}
