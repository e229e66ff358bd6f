package io.dynamodown.server;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * DynamoDB's documented item behaviour, over HTTP with the AWS SDK: writes, conditions,
 * capacity, pages, ordering of binary sort keys and transactions. The rules followed are
 * those of the DynamoDB Developer Guide's pages "Read/write capacity mode" (read units of
 * 4 KB, half for eventually consistent reads; write units of 1 KB of the larger of the
 * old and the new item), "Condition expressions", "Paginating table query results" (1 MB
 * pages, {@code Limit} before the filter), "Query key condition expressions" (binary sort
 * keys as unsigned bytes) and "Amazon DynamoDB Transactions: How it works" (cancellation
 * reasons in request order, idempotent client tokens for 10 minutes).
 */
class ItemOperationsTests {

	private static DynamoDbServer server;

	private static DynamoDbClient client;

	@BeforeAll
	static void start() {
		server = DynamoDbServer.builder().start();
		client = DynamoDbClient.builder()
			.endpointOverride(server.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClientBuilder(ApacheHttpClient.builder())
			.build();
		client.createTable((request) -> request.tableName("items")
			.keySchema((key) -> key.attributeName("h").keyType("HASH"),
					(key) -> key.attributeName("r").keyType("RANGE"))
			.attributeDefinitions((definition) -> definition.attributeName("h").attributeType("S"),
					(definition) -> definition.attributeName("r").attributeType("B"))
			.billingMode("PAY_PER_REQUEST"));
	}

	@AfterAll
	static void stop() {
		client.close();
		server.close();
	}

	private static Map<String, AttributeValue> key(String hash, byte... range) {
		return Map.of("h", AttributeValue.fromS(hash), "r", AttributeValue.fromB(SdkBytes.fromByteArray(range)));
	}

	private static Map<String, AttributeValue> item(String hash, String value, byte... range) {
		return Map.of("h", AttributeValue.fromS(hash), "r", AttributeValue.fromB(SdkBytes.fromByteArray(range)), "v",
				AttributeValue.fromS(value));
	}

	@Test
	void putThenGetReturnsTheItemWithOneReadUnitWhenConsistent() {
		client.putItem((request) -> request.tableName("items").item(item("get", "one", (byte) 1)));
		var answer = client.getItem((request) -> request.tableName("items")
			.key(key("get", (byte) 1))
			.consistentRead(true)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
		assertThat(answer.item()).isEqualTo(item("get", "one", (byte) 1));
		assertThat(answer.consumedCapacity().capacityUnits()).isEqualTo(1.0);
		var eventual = client.getItem((request) -> request.tableName("items")
			.key(key("get", (byte) 1))
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
		assertThat(eventual.consumedCapacity().capacityUnits()).isEqualTo(0.5);
	}

	@Test
	void writeUnitsCountKilobytesOfTheLargerOfOldAndNewItem() {
		String large = "x".repeat(2500);
		var first = client.putItem((request) -> request.tableName("items")
			.item(item("wcu", large, (byte) 1))
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
		assertThat(first.consumedCapacity().capacityUnits()).isEqualTo(3.0);
		var second = client.putItem((request) -> request.tableName("items")
			.item(item("wcu", "small", (byte) 1))
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
		assertThat(second.consumedCapacity().capacityUnits()).isEqualTo(3.0);
	}

	@Test
	void failedConditionReturnsTheCurrentItemWhenAsked() {
		client.putItem((request) -> request.tableName("items").item(item("cond", "held", (byte) 1)));
		assertThatExceptionOfType(ConditionalCheckFailedException.class)
			.isThrownBy(() -> client.putItem((request) -> request.tableName("items")
				.item(item("cond", "other", (byte) 1))
				.conditionExpression("attribute_not_exists(r)")
				.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
			.satisfies((ex) -> assertThat(ex.item()).isEqualTo(item("cond", "held", (byte) 1)));
	}

	@Test
	void putReturnsTheOldItemWithAllOld() {
		client.putItem((request) -> request.tableName("items").item(item("old", "first", (byte) 1)));
		var answer = client.putItem((request) -> request.tableName("items")
			.item(item("old", "second", (byte) 1))
			.returnValues(ReturnValue.ALL_OLD));
		assertThat(answer.attributes()).isEqualTo(item("old", "first", (byte) 1));
	}

	@Test
	void binarySortKeysAreOrderedAsUnsignedBytes() {
		byte[][] keys = { {}, { 0 }, { 0, 0 }, { 1 }, { 0x61 }, { 0x61, 0 }, { 0x7f }, { (byte) 0x80 }, { (byte) 0xff },
				{ (byte) 0xff, 0 } };
		for (byte[] range : keys) {
			if (range.length > 0) {
				client.putItem((request) -> request.tableName("items").item(item("order", "v", range)));
			}
		}
		QueryResponse forward = client.query((request) -> request.tableName("items")
			.keyConditionExpression("h = :h")
			.expressionAttributeValues(Map.of(":h", AttributeValue.fromS("order"))));
		List<String> seen = new ArrayList<>();
		forward.items().forEach((item) -> seen.add(hex(item.get("r").b().asByteArray())));
		assertThat(seen).containsExactly("00", "0000", "01", "61", "6100", "7f", "80", "ff", "ff00");
	}

	@Test
	void queryPagesStopAfterTheItemThatCrossesOneMegabyte() {
		String value = "x".repeat(100 * 1024);
		for (int i = 0; i < 30; i++) {
			byte index = (byte) i;
			client.putItem((request) -> request.tableName("items").item(item("pages", value, index)));
		}
		List<Integer> pages = new ArrayList<>();
		Map<String, AttributeValue> start = null;
		do {
			Map<String, AttributeValue> from = start;
			QueryResponse page = client.query((request) -> request.tableName("items")
				.keyConditionExpression("h = :h")
				.expressionAttributeValues(Map.of(":h", AttributeValue.fromS("pages")))
				.exclusiveStartKey(from));
			pages.add(page.count());
			start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
		}
		while (start != null);
		assertThat(pages).containsExactly(11, 11, 8);
	}

	@Test
	void limitCountsItemsBeforeTheFilterAndReturnsALastEvaluatedKey() {
		for (int i = 0; i < 5; i++) {
			byte index = (byte) i;
			String value = (i % 2 == 0) ? "a" : "b";
			client.putItem((request) -> request.tableName("items").item(item("limit", value, index)));
		}
		QueryResponse page = client.query((request) -> request.tableName("items")
			.keyConditionExpression("h = :h")
			.filterExpression("v = :a")
			.expressionAttributeValues(Map.of(":h", AttributeValue.fromS("limit"), ":a", AttributeValue.fromS("a")))
			.limit(5));
		assertThat(page.scannedCount()).isEqualTo(5);
		assertThat(page.count()).isEqualTo(3);
		assertThat(page.lastEvaluatedKey()).isEqualTo(key("limit", (byte) 4));
	}

	@Test
	void transactionIsCancelledWithReasonsInRequestOrderAndAppliesNothing() {
		client.putItem((request) -> request.tableName("items").item(item("tx", "held", (byte) 2)));
		assertThatExceptionOfType(TransactionCanceledException.class)
			.isThrownBy(() -> client.transactWriteItems((request) -> request.transactItems(
					(action) -> action.put((put) -> put.tableName("items").item(item("tx", "new", (byte) 1))),
					(action) -> action.put((put) -> put.tableName("items")
						.item(item("tx", "new", (byte) 2))
						.conditionExpression("attribute_not_exists(r)")
						.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))))
			.satisfies((ex) -> {
				assertThat(ex.cancellationReasons()).extracting((reason) -> reason.code())
					.containsExactly("None", "ConditionalCheckFailed");
				assertThat(ex.cancellationReasons().get(1).item()).isEqualTo(item("tx", "held", (byte) 2));
			});
		assertThat(client.getItem((request) -> request.tableName("items").key(key("tx", (byte) 1))).hasItem())
			.isFalse();
	}

	@Test
	void transactionWithTheSameTokenIsAppliedOnce() {
		for (int attempt = 0; attempt < 2; attempt++) {
			var answer = client.transactWriteItems((request) -> request.clientRequestToken("token-1")
				.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
				.transactItems((action) -> action.update((update) -> update.tableName("items")
					.key(key("idem", (byte) 1))
					.updateExpression("ADD n :one")
					.expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))));
			List<ConsumedCapacity> capacity = answer.consumedCapacity();
			assertThat(capacity).extracting(ConsumedCapacity::capacityUnits).containsExactly(2.0);
		}
		assertThat(
				client.getItem((request) -> request.tableName("items").key(key("idem", (byte) 1))).item().get("n").n())
			.isEqualTo("1");
	}

	@Test
	void missingTableIsResourceNotFound() {
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> client.getItem((request) -> request.tableName("missing").key(key("a", (byte) 1))));
	}

	@Test
	void endpointIsLoopback() {
		URI endpoint = server.endpoint();
		assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
	}

	private static String hex(byte[] bytes) {
		StringBuilder hex = new StringBuilder();
		for (byte b : bytes) {
			hex.append(String.format("%02x", b));
		}
		return hex.toString();
	}

}
