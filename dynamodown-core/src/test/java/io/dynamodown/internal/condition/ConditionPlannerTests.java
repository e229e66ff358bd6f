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
	void liveFilterKeepsItemsWithoutExpiryOrExpiringAfterNow() {
		ConditionExpression filter = ConditionPlanner.liveFilter(NAMES, 1_700_000_000L);
		assertThat(filter.expression()).isEqualTo("(attribute_not_exists(#t) OR #t > :now)");
		assertThat(filter.names()).isEqualTo(Map.of("#t", "expires"));
		assertThat(filter.values()).isEqualTo(Map.of(":now", AttributeValue.fromN("1700000000")));
	}

	@Test
	void absentMeansNoItemOrAnItemExpiredAtNow() {
		ConditionExpression absent = ConditionPlanner.plan(Condition.ABSENT, NAMES, 42);
		assertThat(absent.expression()).isEqualTo("attribute_not_exists(#k) OR #t <= :now");
		assertThat(absent.names()).isEqualTo(Map.of("#k", "sk", "#t", "expires"));
		assertThat(absent.values()).isEqualTo(Map.of(":now", AttributeValue.fromN("42")));
	}

	@Test
	void valueIsMeansTheExpectedBytesOnALiveItem() {
		ConditionExpression valueIs = ConditionPlanner.plan(new Condition.ValueIs(new byte[] { 1, 2 }), NAMES, 42);
		assertThat(valueIs.expression()).isEqualTo("#v = :expected AND (attribute_not_exists(#t) OR #t > :now)");
		assertThat(valueIs.names()).isEqualTo(Map.of("#v", "data", "#t", "expires"));
		assertThat(valueIs.values()).isEqualTo(Map.of(":expected",
				AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 1, 2 })), ":now", AttributeValue.fromN("42")));
	}

	@Test
	void placeholdersDifferFromTheRangePlannersSoAQueryCanCarryBoth() {
		ConditionExpression filter = ConditionPlanner.liveFilter(NAMES, 0);
		assertThat(filter.names()).doesNotContainKeys("#h", "#r");
		assertThat(filter.values()).doesNotContainKeys(":h", ":lo", ":hi");
	}

}
