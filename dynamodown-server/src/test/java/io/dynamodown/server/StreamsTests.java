package io.dynamodown.server;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.dynamodown.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * DynamoDB Streams as the DynamoDB Developer Guide's "Change data capture for DynamoDB
 * Streams" pages and the DynamoDB Streams API reference ({@code ListStreams},
 * {@code DescribeStream}, {@code GetShardIterator}, {@code GetRecords},
 * {@code StreamSpecification}, {@code StreamRecord}) document them, over HTTP with the
 * SDK's {@link DynamoDbStreamsClient}: a stream per table, its label and ARN, one record
 * per item change (none for a write that changes nothing) with the images of its view
 * type, in the order the changes were applied, deletions by time to live naming the
 * service as their user ({@code Record.userIdentity}), the four iterator types, iterators
 * that expire after 15 minutes, pages of streams and shards, and DynamoDB's errors.
 */
class StreamsTests {

	private static final Instant START = Instant.parse("2026-12-05T12:00:00.250Z");

	private final MutableClock clock = new MutableClock(START);

	private DynamoDbServer server;

	private DynamoDbClient client;

	private DynamoDbStreamsClient streams;

	@BeforeEach
	void start() {
		this.server = DynamoDbServer.builder().clock(this.clock).start();
		this.client = TestClients.of(this.server);
		this.streams = TestClients.streamsOf(this.server);
	}

	@AfterEach
	void stop() {
		this.streams.close();
		this.client.close();
		this.server.close();
	}

	@Test
	void createTableWithAStreamAnswersItsSpecificationLabelAndArn() {
		TableDescription created = createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES);
		assertThat(created.streamSpecification().streamEnabled()).isTrue();
		assertThat(created.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
		assertThat(created.latestStreamLabel()).isEqualTo("2026-12-05T12:00:00.250");
		assertThat(created.latestStreamArn())
			.isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2026-12-05T12:00:00.250");
		TableDescription described = this.client.describeTable((request) -> request.tableName("orders")).table();
		assertThat(described.streamSpecification()).isEqualTo(created.streamSpecification());
		assertThat(described.latestStreamArn()).isEqualTo(created.latestStreamArn());
	}

	@Test
	void listStreamsNamesEachTablesStreamAndFiltersByTable() {
		String orders = createTable("orders", StreamViewType.KEYS_ONLY).latestStreamArn();
		String carts = createTable("carts", StreamViewType.NEW_IMAGE).latestStreamArn();
		createTable("plain", null);
		assertThat(this.streams.listStreams().streams()).extracting((stream) -> stream.streamArn())
			.containsExactly(carts, orders);
		assertThat(this.streams.listStreams((request) -> request.tableName("orders")).streams()).singleElement()
			.satisfies((stream) -> {
				assertThat(stream.streamArn()).isEqualTo(orders);
				assertThat(stream.tableName()).isEqualTo("orders");
				assertThat(stream.streamLabel()).isEqualTo("2026-12-05T12:00:00.250");
			});
		assertThat(this.streams.listStreams((request) -> request.tableName("plain")).streams()).isEmpty();
	}

	@Test
	void describeStreamShowsAnEnabledStreamWithOneOpenShard() {
		String arn = createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES).latestStreamArn();
		var description = this.streams.describeStream((request) -> request.streamArn(arn)).streamDescription();
		assertThat(description.streamArn()).isEqualTo(arn);
		assertThat(description.streamLabel()).isEqualTo("2026-12-05T12:00:00.250");
		assertThat(description.streamStatus()).isEqualTo(StreamStatus.ENABLED);
		assertThat(description.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
		assertThat(description.creationRequestDateTime()).isEqualTo(START);
		assertThat(description.tableName()).isEqualTo("orders");
		assertThat(description.keySchema()).extracting((key) -> key.attributeName() + " " + key.keyTypeAsString())
			.containsExactly("id HASH", "line RANGE");
		assertThat(description.lastEvaluatedShardId()).isNull();
		assertThat(description.shards()).singleElement().satisfies((shard) -> {
			assertThat(shard.shardId()).matches("shardId-\\d{20}-[0-9a-f]{8}");
			assertThat(shard.parentShardId()).isNull();
			assertThat(shard.sequenceNumberRange().startingSequenceNumber()).matches("\\d{21}");
			assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull();
		});
	}

	@Test
	void putUpdateAndDeleteAreRecordedInOrderWithBothImages() {
		String arn = createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES).latestStreamArn();
		this.client.putItem((request) -> request.tableName("orders").item(item("a", 1, "new")));
		this.client.updateItem((request) -> request.tableName("orders")
			.key(key("a", 1))
			.updateExpression("SET v = :v")
			.expressionAttributeValues(Map.of(":v", AttributeValue.fromS("changed"))));
		this.client.deleteItem((request) -> request.tableName("orders").key(key("a", 1)));
		List<Record> records = readAll(arn);
		assertThat(records).extracting(Record::eventName)
			.containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
		assertThat(records.get(0).dynamodb().newImage()).isEqualTo(item("a", 1, "new"));
		assertThat(records.get(0).dynamodb().hasOldImage()).isFalse();
		assertThat(records.get(1).dynamodb().oldImage()).isEqualTo(item("a", 1, "new"));
		assertThat(records.get(1).dynamodb().newImage()).isEqualTo(item("a", 1, "changed"));
		assertThat(records.get(2).dynamodb().oldImage()).isEqualTo(item("a", 1, "changed"));
		assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
		for (Record record : records) {
			assertThat(record.eventVersion()).isEqualTo("1.1");
			assertThat(record.eventSource()).isEqualTo("aws:dynamodb");
			assertThat(record.awsRegion()).isEqualTo("us-east-1");
			assertThat(record.eventID()).matches("[0-9a-f]{32}");
			assertThat(record.userIdentity()).isNull();
			assertThat(record.dynamodb().keys()).isEqualTo(key("a", 1));
			assertThat(record.dynamodb().approximateCreationDateTime()).isEqualTo(START.minusMillis(250));
			assertThat(record.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
			assertThat(record.dynamodb().sizeBytes()).isPositive();
		}
		assertThat(records).extracting(Record::eventID).doesNotHaveDuplicates();
		assertThat(records).extracting((record) -> record.dynamodb().sequenceNumber())
			.allMatch((number) -> number.matches("\\d{21}"))
			.isSorted();
	}

	@ParameterizedTest
	@EnumSource(value = StreamViewType.class, names = "UNKNOWN_TO_SDK_VERSION", mode = EnumSource.Mode.EXCLUDE)
	void eachViewTypeCarriesTheImagesItNames(StreamViewType viewType) {
		String arn = createTable("orders", viewType).latestStreamArn();
		this.client.putItem((request) -> request.tableName("orders").item(item("a", 1, "old")));
		this.client.putItem((request) -> request.tableName("orders").item(item("a", 1, "new")));
		Record modify = readAll(arn).get(1);
		assertThat(modify.eventName()).isEqualTo(OperationType.MODIFY);
		assertThat(modify.dynamodb().keys()).isEqualTo(key("a", 1));
		assertThat(modify.dynamodb().streamViewType()).isEqualTo(viewType);
		boolean newImage = viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
		boolean oldImage = viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
		assertThat(modify.dynamodb().hasNewImage()).isEqualTo(newImage);
		assertThat(modify.dynamodb().hasOldImage()).isEqualTo(oldImage);
		if (newImage) {
			assertThat(modify.dynamodb().newImage()).isEqualTo(item("a", 1, "new"));
		}
		if (oldImage) {
			assertThat(modify.dynamodb().oldImage()).isEqualTo(item("a", 1, "old"));
		}
	}

	@Test
	void writesThatChangeNothingWriteNoRecord() {
		String arn = createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES).latestStreamArn();
		this.client.putItem((request) -> request.tableName("orders").item(item("a", 1, "same")));
		this.client.putItem((request) -> request.tableName("orders").item(item("a", 1, "same")));
		this.client.updateItem((request) -> request.tableName("orders")
			.key(key("a", 1))
			.updateExpression("SET v = :v")
			.expressionAttributeValues(Map.of(":v", AttributeValue.fromS("same"))));
		this.client.deleteItem((request) -> request.tableName("orders").key(key("missing", 1)));
		assertThat(readAll(arn)).extracting(Record::eventName).containsExactly(OperationType.INSERT);
	}

	@Test
	void batchAndTransactionWritesAreRecordedInTheOrderTheyAreApplied() {
		String arn = createTable("orders", StreamViewType.KEYS_ONLY).latestStreamArn();
		this.client.batchWriteItem((request) -> request.requestItems(Map.of("orders",
				List.of(WriteRequest.builder().putRequest((put) -> put.item(item("a", 1, "x"))).build(),
						WriteRequest.builder().putRequest((put) -> put.item(item("a", 2, "x"))).build()))));
		this.client.transactWriteItems((request) -> request.transactItems(
				TransactWriteItem.builder()
					.put(Put.builder().tableName("orders").item(item("a", 3, "x")).build())
					.build(),
				TransactWriteItem.builder().delete((delete) -> delete.tableName("orders").key(key("a", 1))).build()));
		assertThat(readAll(arn))
			.extracting((record) -> record.eventNameAsString() + " " + record.dynamodb().keys().get("line").n())
			.containsExactly("INSERT 1", "INSERT 2", "INSERT 3", "REMOVE 1");
	}

	@Test
	void iteratorTypesStartAtTheOldestAfterTheNewestAtAndAfterASequenceNumber() {
		String arn = createTable("orders", StreamViewType.KEYS_ONLY).latestStreamArn();
		for (int line = 1; line <= 3; line++) {
			int value = line;
			this.client.putItem((request) -> request.tableName("orders").item(item("a", value, "x")));
		}
		Shard shard = describe(arn).streamDescription().shards().get(0);
		List<Record> all = read(iterator(arn, shard, ShardIteratorType.TRIM_HORIZON, null));
		assertThat(all).hasSize(3);
		String second = all.get(1).dynamodb().sequenceNumber();
		assertThat(lines(read(iterator(arn, shard, ShardIteratorType.AT_SEQUENCE_NUMBER, second)))).containsExactly(2,
				3);
		assertThat(lines(read(iterator(arn, shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second))))
			.containsExactly(3);
		String latest = iterator(arn, shard, ShardIteratorType.LATEST, null);
		assertThat(read(latest)).isEmpty();
		this.client.putItem((request) -> request.tableName("orders").item(item("a", 4, "x")));
		assertThat(lines(read(latest))).containsExactly(4);
	}

	@Test
	void getRecordsReturnsAtMostLimitRecordsAndAnIteratorToTheRest() {
		String arn = createTable("orders", StreamViewType.KEYS_ONLY).latestStreamArn();
		for (int line = 1; line <= 5; line++) {
			int value = line;
			this.client.putItem((request) -> request.tableName("orders").item(item("a", value, "x")));
		}
		Shard shard = describe(arn).streamDescription().shards().get(0);
		GetRecordsResponse first = this.streams
			.getRecords((request) -> request.shardIterator(iterator(arn, shard, ShardIteratorType.TRIM_HORIZON, null))
				.limit(2));
		assertThat(lines(first.records())).containsExactly(1, 2);
		GetRecordsResponse second = this.streams
			.getRecords((request) -> request.shardIterator(first.nextShardIterator()).limit(2));
		assertThat(lines(second.records())).containsExactly(3, 4);
		GetRecordsResponse third = this.streams
			.getRecords((request) -> request.shardIterator(second.nextShardIterator()));
		assertThat(lines(third.records())).containsExactly(5);
		GetRecordsResponse idle = this.streams
			.getRecords((request) -> request.shardIterator(third.nextShardIterator()));
		assertThat(idle.records()).isEmpty();
		assertThat(idle.nextShardIterator()).as("an open shard always has a next iterator").isNotNull();
	}

	@Test
	void anUnknownStreamOrShardIsNotFound() {
		String arn = createTable("orders", StreamViewType.KEYS_ONLY).latestStreamArn();
		String unknown = arn.replace("orders", "others");
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.streams.describeStream((request) -> request.streamArn(unknown)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Requested resource not found: Stream: " + unknown + " not found"));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.streams.getShardIterator((request) -> request.streamArn(arn)
				.shardId("shardId-00000000000000000000-00000000")
				.shardIteratorType(ShardIteratorType.LATEST)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Requested resource not found: Shard does not exist"));
	}

	@Test
	void timeToLiveDeletionsNameTheServiceAsTheirUser() {
		String arn = createTable("orders", StreamViewType.OLD_IMAGE).latestStreamArn();
		this.client.updateTimeToLive((request) -> request.tableName("orders")
			.timeToLiveSpecification((spec) -> spec.attributeName("expires").enabled(true)));
		Map<String, AttributeValue> expiring = Map.of("id", AttributeValue.fromS("a"), "line",
				AttributeValue.fromN("1"), "expires", AttributeValue.fromN(Long.toString(START.getEpochSecond() + 60)));
		this.client.putItem((request) -> request.tableName("orders").item(expiring));
		this.client.deleteItem((request) -> request.tableName("orders").key(key("a", 1)));
		this.client.putItem((request) -> request.tableName("orders").item(expiring));
		this.clock.set(START.plusSeconds(61));
		assertThat(this.server.expireItems()).isEqualTo(1);
		List<Record> records = readAll(arn);
		assertThat(records).extracting(Record::eventName)
			.containsExactly(OperationType.INSERT, OperationType.REMOVE, OperationType.INSERT, OperationType.REMOVE);
		assertThat(records.get(1).userIdentity()).as("a delete by a user").isNull();
		Record expired = records.get(3);
		assertThat(expired.userIdentity().type()).isEqualTo("Service");
		assertThat(expired.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
		assertThat(expired.dynamodb().oldImage()).isEqualTo(expiring);
		assertThat(expired.dynamodb().approximateCreationDateTime()).isEqualTo(START.plusSeconds(61).minusMillis(250));
	}

	@Test
	void iteratorsExpireFifteenMinutesAfterTheyWereIssued() {
		String arn = createTable("orders", StreamViewType.KEYS_ONLY).latestStreamArn();
		Shard shard = describe(arn).streamDescription().shards().get(0);
		String first = iterator(arn, shard, ShardIteratorType.TRIM_HORIZON, null);
		this.clock.advance(Duration.ofMinutes(14));
		String next = this.streams.getRecords((request) -> request.shardIterator(first)).nextShardIterator();
		this.clock.advance(Duration.ofMinutes(1));
		assertThatExceptionOfType(ExpiredIteratorException.class)
			.isThrownBy(() -> this.streams.getRecords((request) -> request.shardIterator(first)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("The provided iterator exceeds the maximum age allowed."));
		assertThat(this.streams.getRecords((request) -> request.shardIterator(next)).records())
			.as("each answer's iterator lives 15 minutes of its own")
			.isEmpty();
	}

	@Test
	void anIteratorTheServerDidNotIssueIsInvalid() {
		String arn = createTable("orders", StreamViewType.KEYS_ONLY).latestStreamArn();
		Shard shard = describe(arn).streamDescription().shards().get(0);
		String iterator = iterator(arn, shard, ShardIteratorType.TRIM_HORIZON, null);
		char last = iterator.charAt(iterator.length() - 2);
		String altered = iterator.substring(0, iterator.length() - 2) + ((last == 'A') ? 'B' : 'A')
				+ iterator.charAt(iterator.length() - 1);
		for (String forged : List.of(altered, "not an iterator", arn + "|1|AAAA")) {
			assertThatExceptionOfType(DynamoDbException.class)
				.isThrownBy(() -> this.streams.getRecords((request) -> request.shardIterator(forged)))
				.satisfies((ex) -> {
					assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
					assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("Invalid ShardIterator");
				});
		}
	}

	@Test
	void aSequenceNumberOutsideTheShardIsRefused() {
		String arn = createTable("orders", StreamViewType.KEYS_ONLY).latestStreamArn();
		this.client.putItem((request) -> request.tableName("orders").item(item("a", 1, "x")));
		Shard shard = describe(arn).streamDescription().shards().get(0);
		String next = new BigInteger(
				read(iterator(arn, shard, ShardIteratorType.TRIM_HORIZON, null)).get(0).dynamodb().sequenceNumber())
			.add(BigInteger.ONE)
			.toString();
		String beyond = "0".repeat(21 - next.length()) + next;
		for (String sequenceNumber : List.of(beyond, "9".repeat(40), "00000000000000000000x")) {
			assertThatExceptionOfType(DynamoDbException.class)
				.isThrownBy(() -> iterator(arn, shard, ShardIteratorType.AT_SEQUENCE_NUMBER, sequenceNumber))
				.satisfies((ex) -> {
					assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
					assertThat(ex.awsErrorDetails().errorMessage()).contains(sequenceNumber).contains(shard.shardId());
				});
		}
	}

	@Test
	void listStreamsPagesThroughTheStreamsInOrder() {
		List<String> arns = new ArrayList<>();
		for (String name : List.of("t-c", "t-a", "t-b")) {
			arns.add(createTable(name, StreamViewType.KEYS_ONLY).latestStreamArn());
		}
		var first = this.streams.listStreams((request) -> request.limit(2));
		assertThat(first.streams()).extracting((stream) -> stream.tableName()).containsExactly("t-a", "t-b");
		assertThat(first.lastEvaluatedStreamArn()).isEqualTo(arns.get(2));
		var second = this.streams
			.listStreams((request) -> request.limit(2).exclusiveStartStreamArn(first.lastEvaluatedStreamArn()));
		assertThat(second.streams()).extracting((stream) -> stream.tableName()).containsExactly("t-c");
		assertThat(second.lastEvaluatedStreamArn()).isNull();
	}

	@Test
	void listStreamsOfATableThatDoesNotExistIsNotFound() {
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.streams.listStreams((request) -> request.tableName("missing")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Requested resource not found: Table: missing not found"));
	}

	@Test
	void describeStreamPagesThroughTheShards() {
		this.server.close();
		this.server = DynamoDbServer.builder().clock(this.clock).streamOpenShards(3).start();
		this.client.close();
		this.client = TestClients.of(this.server);
		this.streams.close();
		this.streams = TestClients.streamsOf(this.server);
		String arn = createTable("orders", StreamViewType.KEYS_ONLY).latestStreamArn();
		List<String> all = describe(arn).streamDescription().shards().stream().map(Shard::shardId).toList();
		assertThat(all).hasSize(3).isSorted();
		var first = this.streams.describeStream((request) -> request.streamArn(arn).limit(2)).streamDescription();
		assertThat(first.shards()).extracting(Shard::shardId).containsExactlyElementsOf(all.subList(0, 2));
		assertThat(first.lastEvaluatedShardId()).isEqualTo(all.get(1));
		var second = this.streams
			.describeStream(
					(request) -> request.streamArn(arn).limit(2).exclusiveStartShardId(first.lastEvaluatedShardId()))
			.streamDescription();
		assertThat(second.shards()).extracting(Shard::shardId).containsExactly(all.get(2));
		assertThat(second.lastEvaluatedShardId()).isNull();
	}

	@Test
	void requestsAreValidatedBeforeTheStreamIsLookedUp() {
		String unknown = "arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2026-12-05T12:00:00.000";
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> this.streams.getShardIterator((request) -> request.streamArn(unknown)
				.shardId("shardId-00000000000000000000-00000000")
				.shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)))
			.satisfies((ex) -> {
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
				assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("SequenceNumber cannot be null");
			});
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> this.streams.getRecords((request) -> request.shardIterator("i").limit(0)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
						+ "Member must have value greater than or equal to 1"));
	}

	@Test
	void aLimitAboveTheUpperLimitReturnsAtMostAThousandRecords() {
		String arn = createTable("orders", StreamViewType.KEYS_ONLY).latestStreamArn();
		List<WriteRequest> writes = new ArrayList<>();
		for (int line = 0; line < 1010; line++) {
			int value = line;
			writes.add(WriteRequest.builder().putRequest((put) -> put.item(item("a", value, "x"))).build());
			if (writes.size() == 25 || line == 1009) {
				List<WriteRequest> batch = List.copyOf(writes);
				this.client.batchWriteItem((request) -> request.requestItems(Map.of("orders", batch)));
				writes.clear();
			}
		}
		Shard shard = describe(arn).streamDescription().shards().get(0);
		GetRecordsResponse page = this.streams
			.getRecords((request) -> request.shardIterator(iterator(arn, shard, ShardIteratorType.TRIM_HORIZON, null))
				.limit(5000));
		assertThat(page.records()).hasSize(1000);
		assertThat(
				lines(this.streams.getRecords((request) -> request.shardIterator(page.nextShardIterator())).records()))
			.hasSize(10)
			.startsWith(1000);
	}

	private TableDescription createTable(String name, StreamViewType viewType) {
		return this.client.createTable((request) -> {
			request.tableName(name)
				.keySchema((key) -> key.attributeName("id").keyType("HASH"),
						(key) -> key.attributeName("line").keyType("RANGE"))
				.attributeDefinitions((definition) -> definition.attributeName("id").attributeType("S"),
						(definition) -> definition.attributeName("line").attributeType("N"))
				.billingMode("PAY_PER_REQUEST");
			if (viewType != null) {
				request.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType(viewType));
			}
		}).tableDescription();
	}

	private static Map<String, AttributeValue> key(String id, int line) {
		return Map.of("id", AttributeValue.fromS(id), "line", AttributeValue.fromN(Integer.toString(line)));
	}

	private static Map<String, AttributeValue> item(String id, int line, String value) {
		return Map.of("id", AttributeValue.fromS(id), "line", AttributeValue.fromN(Integer.toString(line)), "v",
				AttributeValue.fromS(value));
	}

	private DescribeStreamResponse describe(String arn) {
		return this.streams.describeStream((request) -> request.streamArn(arn));
	}

	private String iterator(String arn, Shard shard, ShardIteratorType type, String sequenceNumber) {
		return this.streams
			.getShardIterator((request) -> request.streamArn(arn)
				.shardId(shard.shardId())
				.shardIteratorType(type)
				.sequenceNumber(sequenceNumber))
			.shardIterator();
	}

	private List<Record> read(String iterator) {
		return this.streams.getRecords((request) -> request.shardIterator(iterator)).records();
	}

	/**
	 * Reads every record of every shard, parents before children, each shard from its
	 * oldest record until an empty page.
	 */
	private List<Record> readAll(String arn) {
		List<Record> records = new ArrayList<>();
		for (Shard shard : describe(arn).streamDescription().shards()) {
			String iterator = iterator(arn, shard, ShardIteratorType.TRIM_HORIZON, null);
			while (iterator != null) {
				String current = iterator;
				GetRecordsResponse page = this.streams.getRecords((request) -> request.shardIterator(current));
				records.addAll(page.records());
				iterator = page.records().isEmpty() ? null : page.nextShardIterator();
			}
		}
		return records;
	}

	private static List<Integer> lines(List<Record> records) {
		return records.stream()
			.map((record) -> Integer.valueOf(record.dynamodb().keys().get("line").n()))
			.collect(Collectors.toList());
	}

}
