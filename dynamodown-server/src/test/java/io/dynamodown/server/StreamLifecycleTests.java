package io.dynamodown.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamodown.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A stream's life as the DynamoDB Developer Guide's "Enabling a stream" and the API
 * reference of {@code UpdateTable}, {@code DeleteTable}, {@code StreamSpecification} and
 * {@code DescribeStream} document it: enabled by {@code CreateTable} or
 * {@code UpdateTable}, refused when already enabled (so the view type changes only by
 * disabling first), {@code ENABLING} and {@code DISABLING} while the table is being
 * changed, readable with its shards closed for 24 hours after it was disabled (also by
 * deleting the table), a new stream with a new ARN when enabled again. With a directory,
 * streams and their records survive a restart.
 */
class StreamLifecycleTests {

	private static final Instant START = Instant.parse("2026-12-05T12:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private DynamoDbServer server;

	private DynamoDbClient client;

	private DynamoDbStreamsClient streams;

	@AfterEach
	void stop() {
		closeServer();
	}

	@Test
	void updateTableEnablesAStreamOnAnExistingTable() {
		start(DynamoDbServer.builder());
		createTable(null);
		this.client.putItem((request) -> request.tableName("tbl").item(item("before")));
		TableDescription updated = enable(StreamViewType.NEW_IMAGE);
		assertThat(updated.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
		assertThat(updated.latestStreamArn())
			.isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/tbl/stream/" + updated.latestStreamLabel());
		this.client.putItem((request) -> request.tableName("tbl").item(item("after")));
		assertThat(readAll(updated.latestStreamArn())).extracting((record) -> record.dynamodb().keys().get("k").s())
			.containsExactly("after");
	}

	@Test
	void aStreamIsNotEnabledTwiceSoItsViewTypeChangesOnlyByDisablingFirst() {
		start(DynamoDbServer.builder());
		createTable(StreamViewType.KEYS_ONLY);
		assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> enable(StreamViewType.NEW_IMAGE))
			.satisfies((ex) -> {
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
				assertThat(ex.awsErrorDetails().errorMessage())
					.isEqualTo("Table already has an enabled stream: TableName: tbl");
			});
		disable();
		assertThatExceptionOfType(DynamoDbException.class).isThrownBy(this::disable)
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
		assertThat(enable(StreamViewType.NEW_IMAGE).streamSpecification().streamViewType())
			.isEqualTo(StreamViewType.NEW_IMAGE);
	}

	@Test
	void aDisabledStreamStaysReadableWithItsShardsClosed() {
		start(DynamoDbServer.builder());
		String arn = createTable(StreamViewType.KEYS_ONLY).latestStreamArn();
		this.client.putItem((request) -> request.tableName("tbl").item(item("a")));
		TableDescription disabled = disable();
		assertThat(disabled.streamSpecification()).isNull();
		assertThat(disabled.latestStreamArn()).isEqualTo(arn);
		this.client.putItem((request) -> request.tableName("tbl").item(item("b")));
		StreamDescription description = describe(arn);
		assertThat(description.streamStatus()).isEqualTo(StreamStatus.DISABLED);
		Shard shard = description.shards().get(0);
		assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNotNull();
		GetRecordsResponse page = this.streams.getRecords(
				(request) -> request.shardIterator(iterator(arn, shard.shardId(), ShardIteratorType.TRIM_HORIZON)));
		assertThat(page.records()).extracting((record) -> record.dynamodb().keys().get("k").s()).containsExactly("a");
		assertThat(page.nextShardIterator()).as("a closed shard read to its end").isNull();
		assertThat(this.streams.listStreams().streams()).extracting((stream) -> stream.streamArn())
			.containsExactly(arn);
	}

	@Test
	void enablingAgainOpensANewStreamWithANewArn() {
		start(DynamoDbServer.builder());
		String first = createTable(StreamViewType.KEYS_ONLY).latestStreamArn();
		this.client.putItem((request) -> request.tableName("tbl").item(item("a")));
		disable();
		TableDescription again = enable(StreamViewType.NEW_AND_OLD_IMAGES);
		String second = again.latestStreamArn();
		assertThat(second).isNotEqualTo(first);
		assertThat(again.latestStreamLabel()).isEqualTo("2026-12-05T12:00:00.001");
		this.client.putItem((request) -> request.tableName("tbl").item(item("b")));
		assertThat(describe(first).streamStatus()).isEqualTo(StreamStatus.DISABLED);
		assertThat(describe(second).streamStatus()).isEqualTo(StreamStatus.ENABLED);
		assertThat(readAll(first)).extracting((record) -> record.dynamodb().keys().get("k").s()).containsExactly("a");
		assertThat(readAll(second)).extracting((record) -> record.dynamodb().keys().get("k").s()).containsExactly("b");
		assertThat(this.streams.listStreams((request) -> request.tableName("tbl")).streams())
			.extracting((stream) -> stream.streamArn())
			.containsExactly(first, second);
	}

	@Test
	void aDisabledStreamIsGoneTwentyFourHoursLater() {
		start(DynamoDbServer.builder());
		String arn = createTable(StreamViewType.KEYS_ONLY).latestStreamArn();
		disable();
		this.clock.advance(Duration.ofHours(24).minusMillis(1));
		assertThat(describe(arn).streamStatus()).isEqualTo(StreamStatus.DISABLED);
		this.clock.advance(Duration.ofMillis(1));
		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(() -> describe(arn));
		assertThat(this.streams.listStreams().streams()).isEmpty();
		assertThat(this.client.describeTable((request) -> request.tableName("tbl")).table().latestStreamArn())
			.isEqualTo(arn);
	}

	@Test
	void deletingATableDisablesItsStream() {
		start(DynamoDbServer.builder());
		String arn = createTable(StreamViewType.KEYS_ONLY).latestStreamArn();
		this.client.putItem((request) -> request.tableName("tbl").item(item("a")));
		this.client.deleteTable((request) -> request.tableName("tbl"));
		assertThat(describe(arn).streamStatus()).isEqualTo(StreamStatus.DISABLED);
		assertThat(readAll(arn)).as("no records for the items the deletion removed")
			.extracting(Record::eventNameAsString)
			.containsExactly("INSERT");
		assertThat(this.streams.listStreams((request) -> request.tableName("tbl")).streams()).hasSize(1);
	}

	@Test
	void aStreamIsEnablingOrDisablingWhileTheTableIsBeingChanged() {
		start(DynamoDbServer.builder().tableStatusDelay(Duration.ofSeconds(10)));
		String arn = createTable(StreamViewType.KEYS_ONLY).latestStreamArn();
		assertThat(describe(arn).streamStatus()).isEqualTo(StreamStatus.ENABLING);
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(describe(arn).streamStatus()).isEqualTo(StreamStatus.ENABLED);
		disable();
		assertThat(describe(arn).streamStatus()).isEqualTo(StreamStatus.DISABLING);
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(describe(arn).streamStatus()).isEqualTo(StreamStatus.DISABLED);
	}

	@Test
	void streamsAndTheirRecordsSurviveARestart(@TempDir Path directory) {
		start(DynamoDbServer.builder().directory(directory).streamShardRollover(Duration.ofHours(1)));
		String disabled = createTable(StreamViewType.KEYS_ONLY).latestStreamArn();
		this.client.putItem((request) -> request.tableName("tbl").item(item("a")));
		disable();
		String enabled = enable(StreamViewType.NEW_AND_OLD_IMAGES).latestStreamArn();
		this.client.putItem((request) -> request.tableName("tbl").item(item("b")));
		this.clock.advance(Duration.ofHours(1));
		this.client.putItem((request) -> request.tableName("tbl").item(item("c")));
		List<Record> before = readAll(enabled);
		StreamDescription described = describe(enabled);
		closeServer();
		start(DynamoDbServer.builder().directory(directory).streamShardRollover(Duration.ofHours(1)));
		assertThat(this.client.describeTable((request) -> request.tableName("tbl")).table().latestStreamArn())
			.isEqualTo(enabled);
		assertThat(describe(enabled)).isEqualTo(described);
		assertThat(readAll(enabled)).isEqualTo(before);
		assertThat(describe(disabled).streamStatus()).isEqualTo(StreamStatus.DISABLED);
		assertThat(readAll(disabled)).hasSize(1);
		this.client.putItem((request) -> request.tableName("tbl").item(item("d")));
		List<Record> after = readAll(enabled);
		assertThat(after).extracting((record) -> record.dynamodb().keys().get("k").s()).containsExactly("b", "c", "d");
		assertThat(after).extracting((record) -> record.dynamodb().sequenceNumber()).isSorted();
		closeServer();
		start(DynamoDbServer.builder().directory(directory).streamShardRollover(Duration.ofHours(1)));
		assertThat(readAll(enabled)).as("after a second restart, from the compacted data file").isEqualTo(after);
	}

	@Test
	void aDeleteFromATableWithASortKeySurvivesARestartWithItsStreamRecord(@TempDir Path directory) {
		start(DynamoDbServer.builder().directory(directory));
		this.client.createTable((request) -> request.tableName("pairs")
			.keySchema((key) -> key.attributeName("k").keyType("HASH"),
					(key) -> key.attributeName("r").keyType("RANGE"))
			.attributeDefinitions((definition) -> definition.attributeName("k").attributeType("S"),
					(definition) -> definition.attributeName("r").attributeType("N"))
			.billingMode("PAY_PER_REQUEST")
			.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
		Map<String, AttributeValue> one = Map.of("k", AttributeValue.fromS("a"), "r", AttributeValue.fromN("1"));
		Map<String, AttributeValue> two = Map.of("k", AttributeValue.fromS("a"), "r", AttributeValue.fromN("2"));
		this.client.putItem((request) -> request.tableName("pairs").item(one));
		this.client.putItem((request) -> request.tableName("pairs").item(two));
		this.client.deleteItem((request) -> request.tableName("pairs").key(one));
		closeServer();
		start(DynamoDbServer.builder().directory(directory));
		assertThat(this.client.getItem((request) -> request.tableName("pairs").key(one).consistentRead(true)).hasItem())
			.isFalse();
		assertThat(this.client.getItem((request) -> request.tableName("pairs").key(two).consistentRead(true)).item())
			.isEqualTo(two);
		String arn = this.client.describeTable((request) -> request.tableName("pairs")).table().latestStreamArn();
		assertThat(readAll(arn)).extracting(Record::eventNameAsString, (record) -> record.dynamodb().keys())
			.containsExactly(tuple("INSERT", one), tuple("INSERT", two), tuple("REMOVE", one));
	}

	private void start(DynamoDbServer.Builder builder) {
		this.server = builder.clock(this.clock).start();
		this.client = TestClients.of(this.server);
		this.streams = TestClients.streamsOf(this.server);
	}

	private void closeServer() {
		if (this.server != null) {
			this.streams.close();
			this.client.close();
			this.server.close();
			this.server = null;
		}
	}

	private TableDescription createTable(StreamViewType viewType) {
		return this.client.createTable((request) -> {
			request.tableName("tbl")
				.keySchema((key) -> key.attributeName("k").keyType("HASH"))
				.attributeDefinitions((definition) -> definition.attributeName("k").attributeType("S"))
				.billingMode("PAY_PER_REQUEST");
			if (viewType != null) {
				request.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType(viewType));
			}
		}).tableDescription();
	}

	private TableDescription enable(StreamViewType viewType) {
		return this.client
			.updateTable((request) -> request.tableName("tbl")
				.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType(viewType)))
			.tableDescription();
	}

	private TableDescription disable() {
		return this.client
			.updateTable(
					(request) -> request.tableName("tbl").streamSpecification((stream) -> stream.streamEnabled(false)))
			.tableDescription();
	}

	private static Map<String, AttributeValue> item(String key) {
		return Map.of("k", AttributeValue.fromS(key), "v", AttributeValue.fromS("value of " + key));
	}

	private StreamDescription describe(String arn) {
		return this.streams.describeStream((request) -> request.streamArn(arn)).streamDescription();
	}

	private String iterator(String arn, String shardId, ShardIteratorType type) {
		return this.streams
			.getShardIterator((request) -> request.streamArn(arn).shardId(shardId).shardIteratorType(type))
			.shardIterator();
	}

	private List<Record> readAll(String arn) {
		List<Record> records = new ArrayList<>();
		for (Shard shard : describe(arn).shards()) {
			String iterator = iterator(arn, shard.shardId(), ShardIteratorType.TRIM_HORIZON);
			while (iterator != null) {
				String current = iterator;
				GetRecordsResponse page = this.streams.getRecords((request) -> request.shardIterator(current));
				records.addAll(page.records());
				iterator = page.records().isEmpty() ? null : page.nextShardIterator();
			}
		}
		return records;
	}

}
