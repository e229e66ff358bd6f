package io.dynamodown.internal.condition;

import java.util.Map;

import io.dynamodown.table.AttributeNames;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expressions of conditions and of the expiry filter, without a server.
 */
class ConditionPlannerTests {

	private static final AttributeNames NAMES = new AttributeNames("pk", "sk", "data", "expires");

	@Test
	void liveFilterKeepsItemsWithoutANumberExpiryOrExpiringAfterNow() {
		ConditionExpression filter = ConditionPlanner.liveFilter(NAMES, 1_700_000_000L);
		assertThat(filter.expression())
			.isEqualTo("(attribute_not_exists(#t) OR NOT attribute_type(#t, :ttlType) OR #t > :now)");
		assertThat(filter.names()).isEqualTo(Map.of("#t", "expires"));
		assertThat(filter.values())
			.isEqualTo(Map.of(":now", AttributeValue.fromN("1700000000"), ":ttlType", AttributeValue.fromS("N")));
	}

	@Test
	void absentMeansNoItemOrAnItemWithANumberExpiryReachedAtNow() {
		ConditionExpression absent = ConditionPlanner.plan(Condition.ABSENT, NAMES, 42);
		assertThat(absent.expression())
			.isEqualTo("attribute_not_exists(#k) OR (attribute_type(#t, :ttlType) AND #t <= :now)");
		assertThat(absent.names()).isEqualTo(Map.of("#k", "sk", "#t", "expires"));
		assertThat(absent.values())
			.isEqualTo(Map.of(":now", AttributeValue.fromN("42"), ":ttlType", AttributeValue.fromS("N")));
	}

	@Test
	void storedIsMeansTheExactStoredAttributesOnALiveItem() {
		ConditionExpression compressed = ConditionPlanner
			.plan(new Condition.StoredIs(new byte[] { 1, 2 }, new byte[] { 1 }), NAMES, 42);
		assertThat(compressed.expression()).isEqualTo(
				"attribute_exists(#k) AND #v = :expected AND #f = :form AND (attribute_not_exists(#t) OR NOT attribute_type(#t, :ttlType) OR #t > :now)");
		assertThat(compressed.names()).containsEntry("#v", "data").containsEntry("#t", "expires");
		assertThat(compressed.values())
			.isEqualTo(Map.of(":expected", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 1, 2 })), ":form",
					AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 1 })), ":now", AttributeValue.fromN("42"),
					":ttlType", AttributeValue.fromS("N")));
		ConditionExpression plain = ConditionPlanner.plan(new Condition.StoredIs(new byte[] { 1, 2 }, null), NAMES, 42);
		assertThat(plain.expression()).contains("#v = :expected AND attribute_not_exists(#f)");
		ConditionExpression chunked = ConditionPlanner.plan(new Condition.StoredIs(null, new byte[] { 1 }), NAMES, 42);
		assertThat(chunked.expression()).contains("attribute_not_exists(#v) AND #f = :form");
	}

	@Test
	void placeholdersDifferFromTheRangePlannersSoAQueryCanCarryBoth() {
		ConditionExpression filter = ConditionPlanner.liveFilter(NAMES, 0);
		assertThat(filter.names()).doesNotContainKeys("#h", "#r");
		assertThat(filter.values()).doesNotContainKeys(":h", ":lo", ":hi");
	}

}
