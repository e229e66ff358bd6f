package io.dynamodown.server;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.dynamodown.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A stream's shards and retention as the DynamoDB Developer Guide's "Reading and
 * processing a stream" and the API reference of {@code DescribeStream},
 * {@code GetShardIterator}, {@code GetRecords} and {@code TrimmedDataAccessException}
 * document them: the records of one item in one shard, in order; shards that close (their
 * {@code EndingSequenceNumber} set) and are followed by child shards naming them as
 * {@code ParentShardId}; sequence numbers that grow; records trimmed after 24 hours,
 * {@code TRIM_HORIZON} at the oldest one kept, {@code TrimmedDataAccessException} for a
 * position past the trim point, and closed shards gone once all their records are.
 */
class StreamShardsTests {

	private static final Instant START = Instant.parse("2026-12-05T12:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private DynamoDbServer server;

	private DynamoDbClient client;

	private DynamoDbStreamsClient streams;

	private String arn;

	@AfterEach
	void stop() {
		this.streams.close();
		this.client.close();
		this.server.close();
	}

	@Test
	void aShardIsOpenForFourHoursByDefault() {
		start(DynamoDbServer.builder());
		this.clock.advance(Duration.ofHours(4).minusMillis(1));
		assertThat(shards()).hasSize(1);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(shards()).hasSize(2);
	}

	@Test
	void aClosedShardIsFollowedByAChildThatNamesIt() {
		start(DynamoDbServer.builder().streamShardRollover(Duration.ofMinutes(10)));
		put("a", "1");
		this.clock.advance(Duration.ofMinutes(10));
		put("a", "2");
		List<Shard> shards = shards();
		assertThat(shards).hasSize(2);
		Shard parent = shards.get(0);
		Shard child = shards.get(1);
		assertThat(parent.sequenceNumberRange().endingSequenceNumber()).isNotNull();
		assertThat(child.parentShardId()).isEqualTo(parent.shardId());
		assertThat(child.sequenceNumberRange().endingSequenceNumber()).isNull();
		List<Record> parentRecords = read(parent);
		List<Record> childRecords = read(child);
		assertThat(values(parentRecords)).containsExactly("1");
		assertThat(values(childRecords)).containsExactly("2");
		assertThat(number(parentRecords.get(0).dynamodb().sequenceNumber()))
			.isGreaterThan(number(parent.sequenceNumberRange().startingSequenceNumber()))
			.isLessThan(number(parent.sequenceNumberRange().endingSequenceNumber()));
		assertThat(number(parent.sequenceNumberRange().endingSequenceNumber()))
			.isLessThan(number(child.sequenceNumberRange().startingSequenceNumber()));
		assertThat(number(childRecords.get(0).dynamodb().sequenceNumber()))
			.isGreaterThan(number(child.sequenceNumberRange().startingSequenceNumber()));
		GetRecordsResponse end = this.streams.getRecords((request) -> request.shardIterator(iterator(parent,
				ShardIteratorType.AFTER_SEQUENCE_NUMBER, parentRecords.get(0).dynamodb().sequenceNumber())));
		assertThat(end.records()).isEmpty();
		assertThat(end.nextShardIterator()).isNull();
	}

	@Test
	void theRecordsOfAnItemStayInOneOfSeveralOpenShardsInOrder() {
		start(DynamoDbServer.builder().streamOpenShards(4).streamShardRollover(Duration.ofMinutes(10)));
		for (int round = 1; round <= 3; round++) {
			for (int item = 0; item < 40; item++) {
				put("item-" + item, Integer.toString(round));
			}
			this.clock.advance(Duration.ofMinutes(5));
		}
		List<Shard> shards = shards();
		assertThat(shards).hasSize(8);
		Map<String, String> parents = new HashMap<>();
		Map<String, String> shardOfItem = new HashMap<>();
		Map<String, List<String>> rounds = new LinkedHashMap<>();
		int shardsWithRecords = 0;
		for (Shard shard : shards) {
			parents.put(shard.shardId(), shard.parentShardId());
			List<Record> records = read(shard);
			shardsWithRecords += records.isEmpty() ? 0 : 1;
			for (Record record : records) {
				String item = record.dynamodb().keys().get("k").s();
				String previous = shardOfItem.put(item, shard.shardId());
				assertThat(previous == null || previous.equals(shard.shardId())
						|| previous.equals(parents.get(shard.shardId())))
					.as("%s moves only from a shard to its child", item)
					.isTrue();
				rounds.computeIfAbsent(item, (key) -> new ArrayList<>()).add(record.dynamodb().newImage().get("v").s());
			}
		}
		assertThat(shardsWithRecords).as("items spread over the open shards").isGreaterThan(4);
		assertThat(rounds).hasSize(40).allSatisfy((item, values) -> assertThat(values).containsExactly("1", "2", "3"));
	}

	@Test
	void sequenceNumbersGrowAcrossTheShardsOfAStream() {
		start(DynamoDbServer.builder().streamOpenShards(3).streamShardRollover(Duration.ofMinutes(1)));
		List<String> written = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			put("item-" + i, Integer.toString(i));
			written.add(Integer.toString(i));
			this.clock.advance(Duration.ofSeconds(20));
		}
		List<Record> records = new ArrayList<>();
		shards().forEach((shard) -> records.addAll(read(shard)));
		records.sort((a, b) -> number(a.dynamodb().sequenceNumber()).compareTo(number(b.dynamodb().sequenceNumber())));
		assertThat(values(records)).as("sequence numbers in the order of the writes").isEqualTo(written);
	}

	@Test
	void recordsOlderThanTwentyFourHoursAreTrimmed() {
		start(DynamoDbServer.builder().streamShardRollover(Duration.ofDays(2)));
		put("a", "old");
		Shard shard = shards().get(0);
		String oldest = read(shard).get(0).dynamodb().sequenceNumber();
		this.clock.advance(Duration.ofHours(12));
		put("b", "new");
		this.clock.advance(Duration.ofHours(12).minusMinutes(1));
		assertThat(values(read(shard))).containsExactly("old", "new");
		String horizonBeforeTrim = iterator(shard, ShardIteratorType.TRIM_HORIZON, null);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(values(read(shard))).as("TRIM_HORIZON at the oldest record kept").containsExactly("new");
		assertThatExceptionOfType(TrimmedDataAccessException.class)
			.isThrownBy(() -> iterator(shard, ShardIteratorType.AT_SEQUENCE_NUMBER, oldest))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("The data you are trying to access has been trimmed."));
		assertThat(values(this.streams.getRecords(
				(request) -> request.shardIterator(iterator(shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, oldest)))
			.records())).containsExactly("new");
		assertThatExceptionOfType(TrimmedDataAccessException.class).as("an iterator issued before the trim")
			.isThrownBy(() -> this.streams.getRecords((request) -> request.shardIterator(horizonBeforeTrim)));
	}

	@Test
	void aClosedShardIsGoneOnceAllItsRecordsAreTrimmed() {
		start(DynamoDbServer.builder().streamShardRollover(Duration.ofHours(1)));
		put("a", "1");
		Shard first = shards().get(0);
		this.clock.advance(Duration.ofHours(1));
		put("a", "2");
		assertThat(shards()).extracting(Shard::shardId).startsWith(first.shardId());
		this.clock.advance(Duration.ofHours(24).minusMillis(1));
		assertThat(shards()).extracting(Shard::shardId).contains(first.shardId());
		this.clock.advance(Duration.ofMillis(1));
		List<Shard> kept = shards();
		assertThat(kept).extracting(Shard::shardId).doesNotContain(first.shardId());
		assertThat(kept.get(0).parentShardId()).as("a child may name a parent that is gone").isEqualTo(first.shardId());
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> iterator(first, ShardIteratorType.TRIM_HORIZON, null));
	}

	@Test
	void getRecordsStopsAtOneMegabyte() {
		start(DynamoDbServer.builder());
		String text = "x".repeat(100_000);
		for (int i = 0; i < 12; i++) {
			int value = i;
			this.client.putItem((request) -> request.tableName("tbl")
				.item(Map.of("k", AttributeValue.fromS("item-" + value), "v", AttributeValue.fromS(text))));
		}
		Shard shard = shards().get(0);
		GetRecordsResponse first = this.streams
			.getRecords((request) -> request.shardIterator(iterator(shard, ShardIteratorType.TRIM_HORIZON, null)));
		long bytes = first.records().stream().mapToLong((record) -> record.dynamodb().sizeBytes()).sum();
		assertThat(first.records()).hasSizeBetween(9, 11);
		assertThat(bytes).isLessThanOrEqualTo(1024 * 1024);
		GetRecordsResponse rest = this.streams
			.getRecords((request) -> request.shardIterator(first.nextShardIterator()));
		assertThat(first.records().size() + rest.records().size()).isEqualTo(12);
	}

	@Test
	void concurrentWritersAndAPollingReaderSeeEveryChangeOfEachItemInOrder() throws Exception {
		start(DynamoDbServer.builder().streamOpenShards(2));
		int writers = 4;
		int updates = 50;
		Map<String, List<String>> seen = new HashMap<>();
		ExecutorService executor = Executors.newFixedThreadPool(writers + 1);
		try {
			List<Future<?>> writes = new ArrayList<>();
			for (int writer = 0; writer < writers; writer++) {
				String key = "writer-" + writer;
				writes.add(executor.submit(() -> {
					for (int update = 1; update <= updates; update++) {
						put(key, Integer.toString(update));
					}
				}));
			}
			Map<String, String> iterators = new LinkedHashMap<>();
			shards().forEach(
					(shard) -> iterators.put(shard.shardId(), iterator(shard, ShardIteratorType.TRIM_HORIZON, null)));
			Future<Integer> reader = executor.submit(() -> {
				int polls = 0;
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
				while (seen.values().stream().mapToInt(List::size).sum() < writers * updates
						&& System.nanoTime() < deadline) {
					for (Map.Entry<String, String> entry : iterators.entrySet()) {
						GetRecordsResponse page = this.streams
							.getRecords((request) -> request.shardIterator(entry.getValue()));
						polls++;
						for (Record record : page.records()) {
							seen.computeIfAbsent(record.dynamodb().keys().get("k").s(), (key) -> new ArrayList<>())
								.add(record.dynamodb().newImage().get("v").s());
						}
						entry.setValue(page.nextShardIterator());
					}
				}
				return polls;
			});
			for (Future<?> write : writes) {
				write.get(60, TimeUnit.SECONDS);
			}
			assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
		}
		finally {
			executor.shutdownNow();
		}
		List<String> expected = new ArrayList<>();
		for (int update = 1; update <= updates; update++) {
			expected.add(Integer.toString(update));
		}
		assertThat(seen).hasSize(writers).allSatisfy((key, values) -> assertThat(values).isEqualTo(expected));
	}

	private void start(DynamoDbServer.Builder builder) {
		this.server = builder.clock(this.clock).start();
		this.client = TestClients.of(this.server);
		this.streams = TestClients.streamsOf(this.server);
		this.arn = this.client
			.createTable((request) -> request.tableName("tbl")
				.keySchema((key) -> key.attributeName("k").keyType("HASH"))
				.attributeDefinitions((definition) -> definition.attributeName("k").attributeType("S"))
				.billingMode("PAY_PER_REQUEST")
				.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
			.tableDescription()
			.latestStreamArn();
	}

	private void put(String key, String value) {
		this.client.putItem((request) -> request.tableName("tbl")
			.item(Map.of("k", AttributeValue.fromS(key), "v", AttributeValue.fromS(value))));
	}

	private List<Shard> shards() {
		return this.streams.describeStream((request) -> request.streamArn(this.arn)).streamDescription().shards();
	}

	private String iterator(Shard shard, ShardIteratorType type, String sequenceNumber) {
		return this.streams
			.getShardIterator((request) -> request.streamArn(this.arn)
				.shardId(shard.shardId())
				.shardIteratorType(type)
				.sequenceNumber(sequenceNumber))
			.shardIterator();
	}

	/**
	 * Reads a shard from its oldest record until a page is empty or the shard ends.
	 */
	private List<Record> read(Shard shard) {
		List<Record> records = new ArrayList<>();
		String iterator = iterator(shard, ShardIteratorType.TRIM_HORIZON, null);
		while (iterator != null) {
			String current = iterator;
			GetRecordsResponse page = this.streams.getRecords((request) -> request.shardIterator(current));
			records.addAll(page.records());
			iterator = page.records().isEmpty() ? null : page.nextShardIterator();
		}
		return records;
	}

	private static List<String> values(List<Record> records) {
		return records.stream().map((record) -> record.dynamodb().newImage().get("v").s()).toList();
	}

	private static BigInteger number(String sequenceNumber) {
		return new BigInteger(sequenceNumber);
	}

}
