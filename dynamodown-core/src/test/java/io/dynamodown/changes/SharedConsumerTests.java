package io.dynamodown.changes;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import io.dynamodown.Change;
import io.dynamodown.LevelDb;
import io.dynamodown.Subscription;
import io.dynamodown.fault.FaultInjectingProxy;
import io.dynamodown.fault.FaultInjectingProxy.Fault;
import io.dynamodown.fault.FaultInjectingProxy.Plan;
import io.dynamodown.support.ChangeLog;
import io.dynamodown.support.StreamingServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscribers of one consumer name, each on a store with a client of its own, share the
 * shards of a stream with four open shards: they split them when one joins, and the
 * survivor takes over the shards of one that dies, without losing a change.
 */
class SharedConsumerTests {

	/** Leases of 3 s, renewed every second. */
	private static final SubscriptionOptions SHARED = SubscribeTests.FAST.withLeaseDuration(Duration.ofSeconds(3));

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	private static final String TABLE = "feed";

	@Test
	void aSubscriberThatJoinsGetsItsShareOfTheShards() {
		try (StreamingServer server = StreamingServer.start(4, Duration.ofHours(4));
				LevelDb first = LevelDb.builder(server.client()).table(TABLE).open();
				LevelDb second = LevelDb.builder(server.client()).table(TABLE).open();
				Subscription one = first.subscribe("indexer", SHARED, new ChangeLog())) {
			DynamoDbClient raw = server.client();
			assertThat(awaitOwners(raw, (owners) -> owners.size() == 1)).containsValue(4);
			try (Subscription two = second.subscribe("indexer", SHARED, new ChangeLog())) {
				Map<String, Integer> split = awaitOwners(raw,
						(owners) -> owners.size() == 2 && owners.values().stream().allMatch((held) -> held == 2));
				assertThat(split.values()).containsExactly(2, 2);
			}
			assertThat(awaitOwners(raw, (owners) -> owners.values().stream().anyMatch((held) -> held == 4)))
				.as("the shards of a subscriber that closes are taken by the other")
				.hasSize(1);
		}
	}

	@Test
	void everyAcknowledgedWriteArrivesWhenASubscriberDiesMidStreamAndTheOtherTakesOverItsShards() throws Exception {
		try (StreamingServer server = StreamingServer.start(4, Duration.ofHours(4));
				FaultInjectingProxy firstNetwork = FaultInjectingProxy.start(server.endpoint(), 1);
				FaultInjectingProxy secondNetwork = FaultInjectingProxy.start(server.endpoint(), 2);
				DynamoDbClient firstClient = client(firstNetwork.endpoint());
				DynamoDbClient secondClient = client(secondNetwork.endpoint());
				LevelDb writer = LevelDb.builder(server.client()).table(TABLE).clock(server.clock()).open()) {
			LevelDb first = LevelDb.builder(firstClient).table(TABLE).clock(server.clock()).open();
			LevelDb second = LevelDb.builder(secondClient).table(TABLE).clock(server.clock()).open();
			ChangeLog firstLog = new ChangeLog();
			ChangeLog secondLog = new ChangeLog();
			first.subscribe("indexer", SHARED, firstLog);
			second.subscribe("indexer", SHARED, secondLog);
			DynamoDbClient raw = server.client();
			awaitOwners(raw, (owners) -> owners.size() == 2 && owners.values().stream().allMatch((held) -> held == 2));

			List<String> acknowledged = new ArrayList<>();
			CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
				for (int version = 0; version < 15; version++) {
					for (int key = 0; key < 20; key++) {
						writer.put(utf8("k" + key), utf8("v" + version));
						synchronized (acknowledged) {
							acknowledged.add("PUT k" + key + "=v" + version);
						}
					}
				}
			});
			// the one whose shard carries the database's changes dies mid-stream
			awaitUntil(() -> firstLog.changes().size() + secondLog.changes().size() >= 60);
			boolean firstDies = firstLog.changes().size() >= secondLog.changes().size();
			FaultInjectingProxy deadNetwork = firstDies ? firstNetwork : secondNetwork;
			LevelDb dead = firstDies ? first : second;
			LevelDb survivor = firstDies ? second : first;
			ChangeLog deadLog = firstDies ? firstLog : secondLog;
			ChangeLog survivorLog = firstDies ? secondLog : firstLog;
			deadNetwork.plan(new Plan(Map.of(Fault.CLOSE_BEFORE_FORWARD, 1.0), Set.of(), Duration.ZERO));
			dead.close();
			int deliveredByTheDead = deadLog.changes().size();
			assertThat(deliveredByTheDead).as("died mid-stream").isPositive();

			Map<String, Integer> beforeExpiry = owners(raw);
			assertThat(beforeExpiry).as("the dead one's leases were not handed back").hasSize(2);
			server.clock().advance(SHARED.leaseDuration().plusSeconds(1));
			Map<String, Integer> afterExpiry = awaitOwners(raw, (owners) -> owners.size() == 1);
			assertThat(afterExpiry.values()).as("the survivor took over every shard once the leases ran out")
				.containsExactly(4);

			writes.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
			List<String> all = List.copyOf(acknowledged);
			List<Change> received = survivorLog
				.awaitUntil((changes) -> delivered(deadLog.changes(), changes).containsAll(all));
			assertThat(delivered(deadLog.changes(), received)).as("every acknowledged write, at least once")
				.containsAll(all);
			assertThat(received.size()).as("the survivor delivered what the dead one did not").isPositive();
			assertThat(deadLog.changes()).hasSize(deliveredByTheDead);
			assertInOrderPerKey(deadLog.changes());
			assertInOrderPerKey(received);
			survivor.close();
		}
	}

	/**
	 * Each key's changes arrive in the order they were made: the versions first seen of
	 * each key increase (a change delivered again after a take-over repeats earlier ones,
	 * which at-least-once allows).
	 */
	private static void assertInOrderPerKey(List<Change> changes) {
		Map<String, Integer> highest = new HashMap<>();
		Map<String, Set<Integer>> seen = new HashMap<>();
		for (Change change : changes) {
			String key = new String(change.key(), StandardCharsets.UTF_8);
			int version = Integer
				.parseInt(new String(change.value().orElseThrow(), StandardCharsets.UTF_8).substring(1));
			if (seen.computeIfAbsent(key, (k) -> new HashSet<>()).add(version)) {
				assertThat(version).as("first delivery of %s v%d after v%d", key, version, highest.get(key))
					.isGreaterThan(highest.getOrDefault(key, -1));
				highest.put(key, version);
			}
		}
	}

	private static Set<String> delivered(Collection<Change> one, Collection<Change> other) {
		Set<String> delivered = new HashSet<>();
		one.forEach((change) -> delivered.add(ChangeLog.text(change)));
		other.forEach((change) -> delivered.add(ChangeLog.text(change)));
		return delivered;
	}

	/**
	 * The number of shards each live holder has, from the consumer's shard records.
	 */
	private static Map<String, Integer> owners(DynamoDbClient raw) {
		byte[] prefix = ("\u0002changes/indexer/-/shard/").getBytes(StandardCharsets.US_ASCII);
		Map<String, Integer> owners = new HashMap<>();
		raw.query((query) -> query.tableName(TABLE)
			.consistentRead(true)
			.keyConditionExpression("hkey = :h AND begins_with(rkey, :p)")
			.expressionAttributeValues(Map.of(":h", AttributeValue.fromS("!"), ":p",
					AttributeValue.fromB(SdkBytes.fromByteArray(prefix)))))
			.items()
			.stream()
			.filter((item) -> item.containsKey("owner"))
			.forEach((item) -> owners.merge(item.get("owner").s(), 1, Integer::sum));
		return owners;
	}

	private static Map<String, Integer> awaitOwners(DynamoDbClient raw, Predicate<Map<String, Integer>> done) {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		Map<String, Integer> owners = owners(raw);
		while (!done.test(owners) && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
			owners = owners(raw);
		}
		return owners;
	}

	private static void awaitUntil(java.util.function.BooleanSupplier done) {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while (!done.getAsBoolean() && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
		assertThat(done.getAsBoolean()).as("reached within %s", DEADLINE).isTrue();
	}

	/**
	 * A client through a proxy, whose SDK makes two attempts with short back-offs, so
	 * that a store whose network died gives up quickly.
	 */
	private static DynamoDbClient client(URI endpoint) {
		BackoffStrategy backoff = BackoffStrategy.exponentialDelay(Duration.ofMillis(5), Duration.ofMillis(50));
		return DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
				.toBuilder()
				.maxAttempts(2)
				.circuitBreakerEnabled(false)
				.backoffStrategy(backoff)
				.throttlingBackoffStrategy(backoff)
				.build()))
			.build();
	}

}
