package io.dynamodown.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Batch operations within the limits of DynamoDB's API Reference ({@code BatchWriteItem},
 * {@code BatchGetItem}): 25 writes and no duplicate keys per {@code BatchWriteItem}, 100
 * keys per {@code BatchGetItem}, answers past 16 MB returned as unprocessed keys, and
 * per-item capacity.
 */
class BatchOperationsTests {

	private static DynamoDbServer server;

	private static DynamoDbClient client;

	@BeforeAll
	static void start() {
		server = DynamoDbServer.builder().start();
		client = TestClients.of(server);
		TestClients.createKeyTable(client, "batch");
	}

	@AfterAll
	static void stop() {
		client.close();
		server.close();
	}

	private static WriteRequest put(String key, AttributeValue value) {
		return WriteRequest.builder()
			.putRequest((put) -> put.item(Map.of("k", AttributeValue.fromS(key), "v", value)))
			.build();
	}

	@Test
	void twentyFiveWritesAreAcceptedAndTwentySixRefused() {
		List<WriteRequest> writes = new ArrayList<>();
		for (int i = 0; i < 26; i++) {
			writes.add(put("limit" + i, AttributeValue.fromS("v")));
		}
		var answer = client.batchWriteItem((request) -> request.requestItems(Map.of("batch", writes.subList(0, 25)))
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
		assertThat(answer.unprocessedItems()).isEmpty();
		assertThat(answer.consumedCapacity().get(0).capacityUnits()).isEqualTo(25.0);
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client.batchWriteItem((request) -> request.requestItems(Map.of("batch", writes))))
			.withMessageContaining("Member must have length less than or equal to 25");
	}

	@Test
	void duplicateKeysAreRefused() {
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client.batchWriteItem((request) -> request.requestItems(Map.of("batch",
					List.of(put("dup", AttributeValue.fromS("a")), put("dup", AttributeValue.fromS("b")))))))
			.withMessageContaining("Provided list of item keys contains duplicates");
	}

	@Test
	void answersPastSixteenMegabytesComeBackAsUnprocessedKeys() {
		SdkBytes large = SdkBytes.fromByteArray(new byte[390 * 1024]);
		List<Map<String, AttributeValue>> keys = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			client.putItem((request) -> request.tableName("batch")
				.item(Map.of("k", AttributeValue.fromS("big" + keys.size()), "v", AttributeValue.fromB(large))));
			keys.add(Map.of("k", AttributeValue.fromS("big" + i)));
		}
		BatchGetItemResponse answer = client.batchGetItem((request) -> request
			.requestItems(Map.of("batch", KeysAndAttributes.builder().keys(keys).consistentRead(true).build()))
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
		int read = answer.responses().get("batch").size();
		int unprocessed = answer.unprocessedKeys().get("batch").keys().size();
		assertThat(read + unprocessed).isEqualTo(50);
		assertThat((long) read * (390 * 1024 + 10)).isLessThanOrEqualTo(16L * 1024 * 1024);
		assertThat(unprocessed).isPositive();
		assertThat(answer.consumedCapacity().get(0).capacityUnits()).isEqualTo(read * 98.0);
	}

	@Test
	void moreThanOneHundredKeysOfOneTableAreRefused() {
		List<Map<String, AttributeValue>> keys = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			keys.add(Map.of("k", AttributeValue.fromS("many" + i)));
		}
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client.batchGetItem(
					(request) -> request.requestItems(Map.of("batch", KeysAndAttributes.builder().keys(keys).build()))))
			.withMessageContaining("at 'requestItems.batch.member.keys' failed to satisfy constraint: "
					+ "Member must have length less than or equal to 100");
	}

	@Test
	void putWithoutItsKeyIsAMismatchedKey() {
		WriteRequest keyless = WriteRequest.builder()
			.putRequest((put) -> put.item(Map.of("v", AttributeValue.fromS("a"))))
			.build();
		WriteRequest mistyped = WriteRequest.builder()
			.putRequest((put) -> put.item(Map.of("k", AttributeValue.fromN("1"))))
			.build();
		for (WriteRequest write : List.of(keyless, mistyped)) {
			assertThatExceptionOfType(DynamoDbException.class)
				.isThrownBy(
						() -> client.batchWriteItem((request) -> request.requestItems(Map.of("batch", List.of(write)))))
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
					.isEqualTo("The provided key element does not match the schema"));
		}
	}

	@Test
	void queryOfATableWithoutSortKeyFindsItsItem() {
		client.batchWriteItem((request) -> request.requestItems(Map.of("batch",
				List.of(put("found", AttributeValue.fromN("1")), put("other", AttributeValue.fromN("1"))))));
		var answer = client.query((request) -> request.tableName("batch")
			.keyConditionExpression("k = :k")
			.expressionAttributeValues(Map.of(":k", AttributeValue.fromS("found"))));
		assertThat(answer.items()).extracting((item) -> item.get("k").s()).containsExactly("found");
	}

}
