package io.dynamodown.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.dynamodown.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * DynamoDB's per-partition throughput limits, as the Developer Guide's "Best practices
 * for designing and using partition keys effectively" and "Troubleshooting throttling"
 * pages document them, with the answers of the API Reference: a request past its
 * partition-key value's read or write cap gets
 * {@code ProvisionedThroughputExceededException} (with a
 * {@code KeyRangeThroughputExceeded} throttling reason), batches return throttled items
 * unprocessed, transactions are cancelled with a {@code ThrottlingError}; a throttled
 * request consumes and changes nothing. Time is the server's clock, set by the tests;
 * clients do not retry, so every request is seen once.
 */
class PartitionThroughputTests {

	private static final Instant START = Instant.parse("2026-12-05T12:00:00Z");

	private static final String TABLE = "hot";

	private static final String EXCEEDED = "The level of configured provisioned throughput for the table was exceeded. "
			+ "Consider increasing your provisioning level with the UpdateTable API.";

	private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/" + TABLE;

	private final MutableClock clock = new MutableClock(START);

	private DynamoDbServer server;

	private DynamoDbClient client;

	private void start(long readUnitsPerSecond, long writeUnitsPerSecond) {
		start(DynamoDbServer.builder().partitionThroughput(readUnitsPerSecond, writeUnitsPerSecond));
	}

	private void start(DynamoDbServer.Builder builder) {
		this.server = builder.clock(this.clock).start();
		this.client = TestClients.withoutRetries(this.server);
		this.client.createTable((request) -> request.tableName(TABLE)
			.keySchema((key) -> key.attributeName("pk").keyType("HASH"),
					(key) -> key.attributeName("sk").keyType("RANGE"))
			.attributeDefinitions((definition) -> definition.attributeName("pk").attributeType("S"),
					(definition) -> definition.attributeName("sk").attributeType("S"),
					(definition) -> definition.attributeName("other").attributeType("S"),
					(definition) -> definition.attributeName("g").attributeType("S"))
			.localSecondaryIndexes((index) -> index.indexName("local")
				.keySchema((key) -> key.attributeName("pk").keyType("HASH"),
						(key) -> key.attributeName("other").keyType("RANGE"))
				.projection((projection) -> projection.projectionType("ALL")))
			.globalSecondaryIndexes((index) -> index.indexName("global")
				.keySchema((key) -> key.attributeName("g").keyType("HASH"))
				.projection((projection) -> projection.projectionType("ALL")))
			.billingMode("PAY_PER_REQUEST"));
	}

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close();
			this.server.close();
		}
	}

	@Test
	void withoutCapsNothingIsThrottled() {
		start(DynamoDbServer.builder());
		assertThat(this.server.partitionThroughput()).isEqualTo(PartitionThroughput.UNLIMITED);
		for (int i = 0; i < 100; i++) {
			put("hot", "item" + i, 3000);
			get("hot", "item" + i);
		}
		assertThat(this.server.throttledRequests()).isZero();
	}

	@Test
	void putItemPastTheWriteCapIsRefusedAndWritesNothing() {
		start(0, 5);
		for (int i = 0; i < 5; i++) {
			put("hot", "item" + i, 10);
		}
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> put("hot", "item5", 10))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(EXCEEDED);
				assertThat(ex.isThrottlingException()).isTrue();
				assertThat(ex.throttlingReasons()).containsExactly(ThrottlingReason.builder()
					.reason("TableWriteKeyRangeThroughputExceeded")
					.resource(ARN)
					.build());
			});
		assertThat(exists("hot", "item5")).isFalse();
		assertThat(this.server.throttledRequests()).isEqualTo(1);
	}

	@Test
	void anotherPartitionKeyValueOfTheTableIsNotThrottled() {
		start(0, 2);
		put("hot", "a", 10);
		put("hot", "b", 10);
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class).isThrownBy(() -> put("hot", "c", 10));
		put("cold", "a", 10);
		put("cold", "b", 10);
		assertThat(exists("cold", "b")).isTrue();
	}

	@Test
	void capsRefillOverTheServersClockUpToOneSecondOfTheCap() {
		start(0, 5);
		for (int i = 0; i < 5; i++) {
			put("hot", "first" + i, 10);
		}
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> put("hot", "early", 10));
		this.clock.advance(Duration.ofMillis(400));
		put("hot", "refilled0", 10);
		put("hot", "refilled1", 10);
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> put("hot", "refilled2", 10));
		this.clock.advance(Duration.ofMinutes(1));
		for (int i = 0; i < 5; i++) {
			put("hot", "burst" + i, 10);
		}
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> put("hot", "past-burst", 10));
		assertThat(this.server.throttledRequests()).isEqualTo(3);
	}

	@Test
	void writesCountOneUnitPerKilobyteAndLocalIndexCopiesCountInTheirPartition() {
		start(0, 10);
		assertThat(this.client
			.putItem((request) -> request.tableName(TABLE)
				.item(Map.of("pk", s("hot"), "sk", s("indexed"), "other", s("x"), "v", bytes(2000)))
				.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
			.consumedCapacity()
			.localSecondaryIndexes()
			.get("local")
			.capacityUnits()).isEqualTo(2.0);
		put("hot", "three-kilobytes", 3000);
		put("hot", "three-again", 3000);
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.as("2 + 2 (local index) + 3 + 3 units: the cap is used up")
			.isThrownBy(() -> put("hot", "one-more", 10));
		this.clock.advance(Duration.ofMillis(300));
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.as("3,121 bytes ask 4 units; 0.3 s of 10 units a second refilled 3")
			.isThrownBy(() -> put("hot", "four-units", 3100));
		put("hot", "three-units", 3000);
	}

	@Test
	void globalIndexWritesAndQueriesAreNotLimited() {
		start(1, 4);
		for (String sort : List.of("a", "b")) {
			assertThat(this.client
				.putItem((request) -> request.tableName(TABLE)
					.item(Map.of("pk", s("hot"), "sk", s(sort), "g", s("global"), "v", bytes(1500)))
					.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
				.consumedCapacity()
				.capacityUnits()).as("2 units for the table, 2 for the global index").isEqualTo(4.0);
		}
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class).isThrownBy(() -> put("hot", "c", 10));
		for (int i = 0; i < 5; i++) {
			assertThat(this.client
				.query((request) -> request.tableName(TABLE)
					.indexName("global")
					.keyConditionExpression("g = :g")
					.expressionAttributeValues(Map.of(":g", s("global"))))
				.count()).isEqualTo(2);
		}
		get("hot", "a");
		assertThat(this.server.throttledRequests()).isEqualTo(1);
	}

	@Test
	void updateItemAndDeleteItemPastTheCapAreRefusedAndChangeNothing() {
		start(0, 3);
		put("hot", "kept", 10);
		put("hot", "other", 10);
		this.client.updateItem((request) -> request.tableName(TABLE)
			.key(key("hot", "kept"))
			.updateExpression("SET v = :v")
			.expressionAttributeValues(Map.of(":v", s("first"))));
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> this.client.updateItem((request) -> request.tableName(TABLE)
				.key(key("hot", "kept"))
				.updateExpression("SET v = :v")
				.expressionAttributeValues(Map.of(":v", s("second")))));
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> this.client.deleteItem((request) -> request.tableName(TABLE).key(key("hot", "other"))));
		Map<String, AttributeValue> kept = this.client
			.getItem((request) -> request.tableName(TABLE).key(key("hot", "kept")).consistentRead(true))
			.item();
		assertThat(kept.get("v")).isEqualTo(s("first"));
		assertThat(exists("hot", "other")).isTrue();
		assertThat(this.server.throttledRequests()).isEqualTo(2);
	}

	@Test
	void throttledRequestsConsumeNothing() {
		start(0, 5);
		for (int i = 0; i < 4; i++) {
			put("hot", "item" + i, 10);
		}
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> put("hot", "two-kilobytes", 2000));
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> put("hot", "two-kilobytes", 2000));
		put("hot", "last-unit", 10);
		assertThat(exists("hot", "last-unit")).isTrue();
		assertThat(exists("hot", "two-kilobytes")).isFalse();
	}

	@Test
	void getItemCountsFourKilobyteUnitsAndEventuallyConsistentReadsHalf() {
		start(3, 0);
		put("hot", "small", 10);
		put("hot", "large", 5000);
		get("hot", "large");
		get("hot", "small");
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class).isThrownBy(() -> get("hot", "small"))
			.satisfies((ex) -> assertThat(ex.throttlingReasons()).extracting(ThrottlingReason::reason)
				.containsExactly("TableReadKeyRangeThroughputExceeded"));
		this.clock.advance(Duration.ofSeconds(1));
		for (int i = 0; i < 6; i++) {
			this.client.getItem((request) -> request.tableName(TABLE).key(key("hot", "small")));
		}
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> this.client.getItem((request) -> request.tableName(TABLE).key(key("hot", "small"))));
		get("cold", "absent");
	}

	@Test
	void queryPagesOfAHotKeyAreThrottledByTheBytesTheyRead() {
		start(4, 0);
		for (int i = 0; i < 3; i++) {
			put("hot", "item" + i, 3000);
		}
		this.client.putItem((request) -> request.tableName(TABLE)
			.item(Map.of("pk", s("hot"), "sk", s("indexed"), "other", s("x"), "v", bytes(3000))));
		put("cold", "item", 3000);
		assertThat(queryCount("hot")).as("12,060 bytes read: 3 units").isEqualTo(4);
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class).isThrownBy(() -> queryCount("hot"));
		assertThat(queryCount("cold")).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.client
			.query((request) -> request.tableName(TABLE)
				.indexName("local")
				.keyConditionExpression("pk = :pk")
				.expressionAttributeValues(Map.of(":pk", s("hot")))
				.consistentRead(true))
			.count()).isEqualTo(1);
		queryCount("hot");
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.as("1 unit for the local index's page and 3 for the table's: the partition's 4 are used")
			.isThrownBy(() -> get("hot", "item0"));
	}

	@Test
	void aScanPageIsThrottledWhenAPartitionItReadsIsHot() {
		start(2, 0);
		put("hot", "item", 10);
		put("cold", "item", 10);
		get("hot", "item");
		get("hot", "item");
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> this.client.scan((request) -> request.tableName(TABLE).consistentRead(true)));
		get("cold", "item");
		get("cold", "item");
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.as("the refused scan consumed nothing of the cold partition, and its reads did")
			.isThrownBy(() -> get("cold", "item"));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.client.scan((request) -> request.tableName(TABLE).consistentRead(true)).count()).isEqualTo(2);
	}

	@Test
	void batchWriteItemReturnsExactlyTheThrottledWritesUnprocessed() {
		start(0, 3);
		List<WriteRequest> writes = List.of(putRequest("hot", "a"), putRequest("hot", "b"), putRequest("cold", "a"),
				putRequest("hot", "c"), putRequest("hot", "d"), putRequest("cold", "b"));
		BatchWriteItemResponse answer = this.client
			.batchWriteItem((request) -> request.requestItems(Map.of(TABLE, writes))
				.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
		assertThat(answer.unprocessedItems()).containsOnlyKeys(TABLE);
		assertThat(answer.unprocessedItems().get(TABLE)).containsExactly(putRequest("hot", "d"));
		assertThat(answer.consumedCapacity().get(0).capacityUnits()).isEqualTo(5.0);
		assertThat(exists("hot", "c")).isTrue();
		assertThat(exists("cold", "b")).isTrue();
		assertThat(exists("hot", "d")).isFalse();
		assertThat(this.server.throttledRequests()).isEqualTo(1);
	}

	@Test
	void batchWriteItemFailsWholeWhenNoWriteCanBeProcessed() {
		start(0, 1);
		put("hot", "first", 10);
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> this.client.batchWriteItem((request) -> request
				.requestItems(Map.of(TABLE, List.of(putRequest("hot", "a"), putRequest("hot", "b"))))))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(EXCEEDED));
		assertThat(exists("hot", "a")).isFalse();
		assertThat(exists("hot", "b")).isFalse();
	}

	@Test
	void batchGetItemReturnsExactlyTheThrottledKeysUnprocessed() {
		start(2, 0);
		put("hot", "a", 10);
		put("hot", "b", 10);
		put("hot", "c", 10);
		put("cold", "a", 10);
		BatchGetItemResponse answer = this.client.batchGetItem((request) -> request.requestItems(Map.of(TABLE,
				KeysAndAttributes.builder()
					.keys(key("hot", "a"), key("hot", "b"), key("hot", "c"), key("cold", "a"))
					.consistentRead(true)
					.projectionExpression("sk")
					.build()))
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
		assertThat(answer.responses().get(TABLE)).containsExactlyInAnyOrder(Map.of("sk", s("a")), Map.of("sk", s("b")),
				Map.of("sk", s("a")));
		KeysAndAttributes unprocessed = answer.unprocessedKeys().get(TABLE);
		assertThat(unprocessed.keys()).containsExactly(key("hot", "c"));
		assertThat(unprocessed.consistentRead()).isTrue();
		assertThat(unprocessed.projectionExpression()).isEqualTo("sk");
		assertThat(answer.consumedCapacity().get(0).capacityUnits()).isEqualTo(3.0);
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> this.client.batchGetItem((request) -> request.requestItems(
					Map.of(TABLE, KeysAndAttributes.builder().keys(key("hot", "c")).consistentRead(true).build()))));
		assertThat(this.server.throttledRequests()).isEqualTo(2);
	}

	@Test
	void transactWriteItemsIsCancelledWithAThrottlingErrorForTheHotActionsAndAppliesNothing() {
		start(0, 5);
		this.client.transactWriteItems((request) -> request.transactItems(transactPut("hot", "a"),
				transactPut("hot", "b"), transactPut("cold", "a")));
		assertThatExceptionOfType(TransactionCanceledException.class)
			.isThrownBy(() -> this.client.transactWriteItems((request) -> request.clientRequestToken("retry-me")
				.transactItems(transactPut("cold", "b"), transactPut("hot", "c"))))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(
						"Transaction cancelled, please refer cancellation reasons for specific reasons [None, ThrottlingError]");
				assertThat(ex.cancellationReasons()).extracting((reason) -> reason.code())
					.containsExactly("None", "ThrottlingError");
				assertThat(ex.cancellationReasons().get(1).message())
					.isEqualTo("Throughput exceeds the current capacity of your table or index. "
							+ "DynamoDB is automatically scaling your table or index so please try again shortly. "
							+ "If exceptions persist, check if you have a hot key: "
							+ "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html");
			});
		assertThat(exists("cold", "b")).isFalse();
		assertThat(exists("hot", "c")).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		this.client.transactWriteItems((request) -> request.clientRequestToken("retry-me")
			.transactItems(transactPut("cold", "b"), transactPut("hot", "c")));
		assertThat(exists("cold", "b")).isTrue();
		assertThat(exists("hot", "c")).isTrue();
		assertThat(this.server.throttledRequests()).isEqualTo(1);
	}

	@Test
	void transactGetItemsIsCancelledWithAThrottlingErrorForTheHotReads() {
		start(3, 0);
		put("hot", "a", 10);
		put("cold", "a", 10);
		this.client.transactGetItems((request) -> request
			.transactItems((item) -> item.get((get) -> get.tableName(TABLE).key(key("hot", "a")))));
		assertThatExceptionOfType(TransactionCanceledException.class)
			.isThrownBy(() -> this.client.transactGetItems((request) -> request.transactItems(
					(item) -> item.get((get) -> get.tableName(TABLE).key(key("cold", "a"))),
					(item) -> item.get((get) -> get.tableName(TABLE).key(key("hot", "a"))))))
			.satisfies((ex) -> assertThat(ex.cancellationReasons()).extracting((reason) -> reason.code())
				.containsExactly("None", "ThrottlingError"));
		get("cold", "a");
	}

	@Test
	void theErrorBodyIsDynamoDbsProvisionedThroughputExceededException() throws Exception {
		start(1, 0);
		get("hot", "a");
		String body = "{\"TableName\":\"" + TABLE
				+ "\",\"Key\":{\"pk\":{\"S\":\"hot\"},\"sk\":{\"S\":\"a\"}},\"ConsistentRead\":true}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.server.endpoint() + "/"))
			.header("Content-Type", "application/x-amz-json-1.0")
			.header("X-Amz-Target", "DynamoDB_20120810.GetItem")
			.header("X-Amz-Date", "20261205T120000Z")
			.header("Authorization",
					"AWS4-HMAC-SHA256 Credential=test/20261205/us-east-1/dynamodb/aws4_request, "
							+ "SignedHeaders=host;x-amz-date, Signature=0123456789abcdef")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body())
			.isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
					+ "\"message\":\"" + EXCEEDED + "\",\"ThrottlingReasons\":[{\"reason\":"
					+ "\"TableReadKeyRangeThroughputExceeded\",\"resource\":\"" + ARN + "\"}]}");
	}

	@Test
	void builderRefusesNegativeCaps() {
		DynamoDbServer.Builder builder = DynamoDbServer.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.partitionThroughput(-1, 1000))
			.withMessage("'readUnitsPerSecond' must be 0 (no limit) or more, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.partitionThroughput(3000, -5))
			.withMessage("'writeUnitsPerSecond' must be 0 (no limit) or more, was -5");
		assertThatNullPointerException().isThrownBy(() -> builder.partitionThroughput(null))
			.withMessageContaining("'partitionThroughput'");
		assertThat(PartitionThroughput.DYNAMODB).isEqualTo(new PartitionThroughput(3000, 1000));
		assertThat(PartitionThroughput.UNLIMITED.isUnlimited()).isTrue();
		assertThat(new PartitionThroughput(0, 1).isUnlimited()).isFalse();
	}

	private void put(String partition, String sort, int valueBytes) {
		this.client.putItem((request) -> request.tableName(TABLE)
			.item(Map.of("pk", s(partition), "sk", s(sort), "v", bytes(valueBytes))));
	}

	private void get(String partition, String sort) {
		this.client.getItem((request) -> request.tableName(TABLE).key(key(partition, sort)).consistentRead(true));
	}

	private boolean exists(String partition, String sort) {
		return this.client.getItem((request) -> request.tableName(TABLE).key(key(partition, sort)).consistentRead(true))
			.hasItem();
	}

	private int queryCount(String partition) {
		return this.client
			.query((request) -> request.tableName(TABLE)
				.keyConditionExpression("pk = :pk")
				.expressionAttributeValues(Map.of(":pk", s(partition)))
				.consistentRead(true)
				.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
			.count();
	}

	private static WriteRequest putRequest(String partition, String sort) {
		return WriteRequest.builder()
			.putRequest((put) -> put.item(Map.of("pk", s(partition), "sk", s(sort), "v", bytes(10))))
			.build();
	}

	private static TransactWriteItem transactPut(String partition, String sort) {
		return TransactWriteItem.builder()
			.put((put) -> put.tableName(TABLE).item(Map.of("pk", s(partition), "sk", s(sort), "v", bytes(10))))
			.build();
	}

	private static Map<String, AttributeValue> key(String partition, String sort) {
		return Map.of("pk", s(partition), "sk", s(sort));
	}

	private static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

	private static AttributeValue bytes(int length) {
		return AttributeValue.fromB(SdkBytes.fromByteArray(new byte[length]));
	}

}
