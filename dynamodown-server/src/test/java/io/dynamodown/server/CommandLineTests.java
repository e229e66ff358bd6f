package io.dynamodown.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.dynamodown.support.MutableClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandLineTests {

	private static final Map<String, String> KEYS = Map.of("AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_SECRET_ACCESS_KEY",
			"env-secret");

	@Test
	void defaultsToPort8000AnyCredentials() {
		try (DynamoDbServer server = CommandLine.parse(new String[] { "--port", "0" }, Map.of()).start()) {
			assertThat(server.toString()).contains("credentials=any").contains("databasePerAccessKey=false");
		}
		assertThat(CommandLine.DEFAULT_PORT).isEqualTo(8000);
	}

	@Test
	void requireSignatureTakesTheKeyPairOfTheEnvironment() {
		String[] args = { "--port", "0", "--require-signature", "--database-per-access-key", "--table-status-delay",
				"500" };
		try (DynamoDbServer server = CommandLine.parse(args, KEYS).start()) {
			assertThat(server.accessKeyId()).isEqualTo("AKIDENV");
			assertThat(server.secretAccessKey()).isEqualTo("env-secret");
			assertThat(server.toString()).contains("credentials=own").contains("databasePerAccessKey=true");
		}
	}

	@Test
	void streamFlagsSetTheOpenShardsAndTheirRollover() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-05T12:00:00Z"));
		String[] args = { "--port", "0", "--stream-open-shards", "3", "--stream-shard-rollover", "60" };
		try (DynamoDbServer server = CommandLine.parse(args, Map.of()).clock(clock).start();
				DynamoDbClient client = TestClients.of(server);
				DynamoDbStreamsClient streams = TestClients.streamsOf(server)) {
			String arn = client
				.createTable((request) -> request.tableName("tbl")
					.keySchema((key) -> key.attributeName("k").keyType("HASH"))
					.attributeDefinitions((definition) -> definition.attributeName("k").attributeType("S"))
					.billingMode("PAY_PER_REQUEST")
					.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType("KEYS_ONLY")))
				.tableDescription()
				.latestStreamArn();
			assertThat(streams.describeStream((request) -> request.streamArn(arn)).streamDescription().shards())
				.hasSize(3);
			clock.advance(Duration.ofSeconds(60));
			assertThat(streams.describeStream((request) -> request.streamArn(arn)).streamDescription().shards())
				.hasSize(6);
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse(new String[] { "--stream-open-shards", "0" }, Map.of()))
			.withMessageContaining("'streamOpenShards'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse(new String[] { "--stream-shard-rollover", "0" }, Map.of()))
			.withMessageContaining("'streamShardRollover'");
	}

	@Test
	void requireSignatureWithoutKeysFails() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse(new String[] { "--require-signature" }, Map.of()))
			.withMessageContaining("AWS_ACCESS_KEY_ID");
	}

	@Test
	void rejectsUnknownFlagsAndMissingOrInvalidValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(new String[] { "--verbose" }, KEYS))
			.withMessageContaining("--verbose");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(new String[] { "--port" }, KEYS))
			.withMessageContaining("--port needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(new String[] { "--port", "x" }, KEYS))
			.withMessageContaining("'x'");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(new String[] { "--path" }, KEYS));
	}

	@Test
	void partitionFlagsCapEachPartitionKeyValue() {
		String[] args = { "--port", "0", "--partition-read-units", "3000", "--partition-write-units", "1000" };
		try (DynamoDbServer server = CommandLine.parse(args, Map.of()).start()) {
			assertThat(server.partitionThroughput()).isEqualTo(PartitionThroughput.DYNAMODB);
		}
		try (DynamoDbServer server = CommandLine
			.parse(new String[] { "--port", "0", "--partition-write-units", "5" }, Map.of())
			.start()) {
			assertThat(server.partitionThroughput()).isEqualTo(new PartitionThroughput(0, 5));
			assertThat(server.toString())
				.contains("partitionThroughput=PartitionThroughput[readUnitsPerSecond=0, " + "writeUnitsPerSecond=5]");
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse(new String[] { "--partition-read-units", "-1" }, Map.of()))
			.withMessage("--partition-read-units needs 0 (no limit) or more units a second, not -1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse(new String[] { "--partition-write-units" }, Map.of()))
			.withMessage("--partition-write-units needs a value");
	}

	@Test
	void helpIsAskedWithEitherFlag() {
		assertThat(CommandLine.wantsHelp(new String[] { "--port", "1", "--help" })).isTrue();
		assertThat(CommandLine.wantsHelp(new String[] { "-h" })).isTrue();
		assertThat(CommandLine.wantsHelp(new String[] { "--port", "1" })).isFalse();
	}

}
