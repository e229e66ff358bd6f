package io.dynamodown.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write the server acknowledged survives the server's process being killed with
 * {@code SIGKILL} in the middle of a stream of writes, and a restart on the same
 * directory reads it back, with its record in the table's stream: the items and the
 * stream records after the restart are the same set.
 */
class DurabilityTests {

	private static final int WRITERS = 4;

	private static final int KILL_AFTER = 2000;

	@Test
	@SuppressWarnings("deprecation")
	void acknowledgedWritesSurviveAKill(@TempDir Path directory) throws Exception {
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), KillableServer.class.getName(), directory.toString())
			.redirectErrorStream(true)
			.start();
		List<Integer> acknowledged = new ArrayList<>();
		try {
			BufferedReader out = new BufferedReader(
					new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
			String line = out.readLine();
			assertThat(line).startsWith("port ");
			URI endpoint = URI.create("http://127.0.0.1:" + line.substring(5).trim());
			try (DynamoDbClient client = client(endpoint)) {
				client.createTable((request) -> request.tableName("durable")
					.keySchema((key) -> key.attributeName("k").keyType("HASH"))
					.attributeDefinitions((definition) -> definition.attributeName("k").attributeType("N"))
					.billingMode("PAY_PER_REQUEST")
					.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType("KEYS_ONLY")));
				AtomicInteger next = new AtomicInteger();
				ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
				List<Future<List<Integer>>> done = new ArrayList<>();
				for (int w = 0; w < WRITERS; w++) {
					done.add(writers.submit(() -> {
						List<Integer> mine = new ArrayList<>();
						while (true) {
							int n = next.getAndIncrement();
							if (n == KILL_AFTER) {
								child.destroyForcibly();
							}
							try {
								client.putItem((request) -> request.tableName("durable")
									.item(Map.of("k", AttributeValue.fromN(Integer.toString(n)), "v",
											AttributeValue.fromS("value " + n))));
								mine.add(n);
							}
							catch (RuntimeException ex) {
								return mine;
							}
						}
					}));
				}
				for (Future<List<Integer>> writer : done) {
					acknowledged.addAll(writer.get(2, TimeUnit.MINUTES));
				}
				writers.shutdown();
			}
		}
		finally {
			child.destroyForcibly();
			child.waitFor(1, TimeUnit.MINUTES);
		}
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER - WRITERS);
		try (DynamoDbServer restarted = DynamoDbServer.builder().directory(directory).start();
				DynamoDbClient client = client(restarted.endpoint())) {
			int lost = 0;
			for (int n : acknowledged) {
				Map<String, AttributeValue> item = client
					.getItem((request) -> request.tableName("durable")
						.key(Map.of("k", AttributeValue.fromN(Integer.toString(n))))
						.consistentRead(true))
					.item();
				if (!Map.of("k", AttributeValue.fromN(Integer.toString(n)), "v", AttributeValue.fromS("value " + n))
					.equals(item)) {
					lost++;
				}
			}
			Set<String> items = client.scanPaginator((request) -> request.tableName("durable"))
				.items()
				.stream()
				.map((item) -> item.get("k").n())
				.collect(Collectors.toSet());
			Set<String> records = streamRecordKeys(restarted.endpoint(),
					client.describeTable((request) -> request.tableName("durable")).table().latestStreamArn());
			System.out.println("Durability: " + acknowledged.size() + " acknowledged writes before SIGKILL, " + lost
					+ " lost after the restart; " + items.size() + " items, " + records.size() + " stream records");
			assertThat(lost).isZero();
			assertThat(records).isEqualTo(items);
		}
	}

	private static Set<String> streamRecordKeys(URI endpoint, String streamArn) {
		Set<String> keys = new HashSet<>();
		try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClientBuilder(ApacheHttpClient.builder())
			.build()) {
			for (Shard shard : streams.describeStream((request) -> request.streamArn(streamArn))
				.streamDescription()
				.shards()) {
				String iterator = streams
					.getShardIterator((request) -> request.streamArn(streamArn)
						.shardId(shard.shardId())
						.shardIteratorType(ShardIteratorType.TRIM_HORIZON))
					.shardIterator();
				while (iterator != null) {
					String current = iterator;
					GetRecordsResponse page = streams.getRecords((request) -> request.shardIterator(current));
					page.records().forEach((record) -> keys.add(record.dynamodb().keys().get("k").n()));
					iterator = page.records().isEmpty() ? null : page.nextShardIterator();
				}
			}
		}
		return keys;
	}

	private static DynamoDbClient client(URI endpoint) {
		return DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration((configuration) -> configuration.retryPolicy(RetryPolicy.none()))
			.build();
	}

}
