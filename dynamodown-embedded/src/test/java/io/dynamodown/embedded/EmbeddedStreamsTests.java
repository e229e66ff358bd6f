package io.dynamodown.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * DynamoDB Streams on an {@link EmbeddedDynamoDb}: its streams client, and the builder's
 * settings that let a test see several open shards roll over on its own clock.
 */
class EmbeddedStreamsTests {

	@Test
	void theBuildersShardsAreOpenSeveralAtOnceAndRollOverOnItsClock() {
		SettableClock clock = new SettableClock(Instant.parse("2026-12-05T12:00:00Z"));
		try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.builder()
			.clock(clock)
			.streamOpenShards(3)
			.streamShardRollover(Duration.ofSeconds(30))
			.start()) {
			String arn = createTableWithStream(dynamoDb.client(), "feed");
			DynamoDbStreamsClient streams = dynamoDb.streamsClient();
			assertThat(streams.describeStream((request) -> request.streamArn(arn)).streamDescription().shards())
				.hasSize(3)
				.allSatisfy((shard) -> assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull());
			clock.advance(Duration.ofSeconds(30));
			dynamoDb.client()
				.putItem((request) -> request.tableName("feed").item(Map.of("hkey", AttributeValue.fromS("a"))));
			var shards = streams.describeStream((request) -> request.streamArn(arn)).streamDescription().shards();
			assertThat(shards).hasSize(6);
			assertThat(shards.subList(3, 6)).extracting(Shard::parentShardId)
				.containsExactlyElementsOf(shards.subList(0, 3).stream().map(Shard::shardId).toList());
			int records = 0;
			for (Shard shard : shards.subList(3, 6)) {
				String iterator = streams
					.getShardIterator((request) -> request.streamArn(arn)
						.shardId(shard.shardId())
						.shardIteratorType(ShardIteratorType.TRIM_HORIZON))
					.shardIterator();
				records += streams.getRecords((request) -> request.shardIterator(iterator)).records().size();
			}
			assertThat(records).isEqualTo(1);
		}
	}

	@Test
	void streamsClientIsSharedAndStreamsClientBuilderBuildsIndependentClients() {
		try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
			assertThat(dynamoDb.streamsClient()).isSameAs(dynamoDb.streamsClient());
			String arn = createTableWithStream(dynamoDb.client(), "feed");
			try (DynamoDbStreamsClient own = dynamoDb.streamsClientBuilder().build()) {
				assertThat(own).isNotSameAs(dynamoDb.streamsClient());
				assertThat(own.listStreams().streams()).extracting((stream) -> stream.streamArn()).containsExactly(arn);
			}
			assertThat(dynamoDb.streamsClient().listStreams().streams()).hasSize(1);
		}
	}

	@Test
	void streamsClientAndItsBuilderAreRefusedAfterClose() {
		EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start();
		dynamoDb.streamsClient();
		dynamoDb.close();
		assertThatIllegalStateException().isThrownBy(dynamoDb::streamsClient).withMessageContaining("closed");
		assertThatIllegalStateException().isThrownBy(dynamoDb::streamsClientBuilder).withMessageContaining("closed");
	}

	@Test
	void theBuilderChecksEachSettingWhenItIsSet() {
		EmbeddedDynamoDb.Builder builder = EmbeddedDynamoDb.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.streamOpenShards(0))
			.withMessageContaining("'streamOpenShards'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.streamShardRollover(Duration.ofSeconds(-1)))
			.withMessageContaining("'streamShardRollover'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.port(65536)).withMessageContaining("65536");
	}

	private static String createTableWithStream(DynamoDbClient client, String name) {
		return client
			.createTable((request) -> request.tableName(name)
				.keySchema((key) -> key.attributeName("hkey").keyType(KeyType.HASH))
				.attributeDefinitions(
						(attribute) -> attribute.attributeName("hkey").attributeType(ScalarAttributeType.S))
				.billingMode(BillingMode.PAY_PER_REQUEST)
				.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
			.tableDescription()
			.latestStreamArn();
	}

	/**
	 * A UTC clock the test moves.
	 */
	private static final class SettableClock extends Clock {

		private final AtomicReference<Instant> now;

		SettableClock(Instant start) {
			this.now = new AtomicReference<>(start);
		}

		void advance(Duration duration) {
			this.now.updateAndGet((current) -> current.plus(duration));
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

}
