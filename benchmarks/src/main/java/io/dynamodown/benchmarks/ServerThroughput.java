package io.dynamodown.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import io.dynamodown.embedded.EmbeddedDynamoDb;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Requests per second the embedded server answers: raw SDK {@code GetItem} (strongly
 * consistent) and {@code PutItem} (replacing an item) of small items, sent by
 * {@value #THREADS} threads through one shared client (Apache HTTP client,
 * {@value #CONNECTIONS} connections at most), on a server of its own and a table of its
 * own. The items ({@value #ITEMS} of them, written first, unmeasured) have dynamodown's
 * layout: {@code hkey} S, {@code rkey} B, {@code value} B of {@value #VALUE_BYTES} bytes.
 * A round sends one operation for a fixed time; rounds of the two operations alternate,
 * the one going first alternating too. Loops are bounded in time and in count.
 */
final class ServerThroughput {

	private static final String TABLE = "server-throughput";

	private static final int THREADS = 8;

	private static final int CONNECTIONS = 16;

	private static final int ITEMS = 1000;

	private static final int VALUE_BYTES = 80;

	/**
	 * Per thread and round: far above what a few seconds allow, so only time ends a
	 * round.
	 */
	private static final long MAX_OPS_PER_THREAD = 10_000_000;

	private final PrintStream log;

	/**
	 * Creates the measurement.
	 * @param log where each round's rate is printed
	 */
	ServerThroughput(PrintStream log) {
		this.log = log;
	}

	/**
	 * Starts a server, writes the items, then runs the rounds.
	 * @param duration the time of one round
	 * @param rounds measured rounds per operation
	 * @param warmups unmeasured rounds per operation first
	 * @return one row per operation
	 * @throws IllegalStateException if a request fails, a read finds no item, or a round
	 * does not end in time
	 */
	List<ServerTable.Row> run(Duration duration, int rounds, int warmups) {
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start();
				DynamoDbClient client = server.clientBuilder()
					.httpClientBuilder(ApacheHttpClient.builder().maxConnections(CONNECTIONS))
					.build()) {
			createTable(client);
			List<Map<String, AttributeValue>> items = items();
			items.forEach((item) -> client.putItem((r) -> r.tableName(TABLE).item(item)));
			GetItemRequest[] gets = items.stream()
				.map((item) -> GetItemRequest.builder()
					.tableName(TABLE)
					.key(Map.of("hkey", item.get("hkey"), "rkey", item.get("rkey")))
					.consistentRead(true)
					.build())
				.toArray(GetItemRequest[]::new);
			PutItemRequest[] puts = items.stream()
				.map((item) -> PutItemRequest.builder().tableName(TABLE).item(item).build())
				.toArray(PutItemRequest[]::new);
			IntConsumer get = (i) -> {
				if (!client.getItem(gets[i]).hasItem()) {
					throw new IllegalStateException("GetItem found no item for " + gets[i].key());
				}
			};
			IntConsumer put = (i) -> client.putItem(puts[i]);
			long[][] rates = new long[2][rounds];
			for (int round = 0; round < warmups + rounds; round++) {
				for (int turn = 0; turn < 2; turn++) {
					int operation = (round + turn) % 2;
					long rate = drive(threads, (operation == 0) ? get : put, duration);
					if (round >= warmups) {
						rates[operation][round - warmups] = rate;
						this.log.printf(Locale.ROOT, "server-throughput round %d: %s %d ops/s%n", round - warmups + 1,
								(operation == 0) ? "GetItem" : "PutItem", rate);
					}
				}
			}
			long size = ItemSize.of(items.get(0));
			return List.of(
					ServerTable.Row.perSecond("server-throughput", what("GetItem", size, duration),
							Spread.of(rates[0])),
					ServerTable.Row.perSecond("server-throughput", what("PutItem", size, duration),
							Spread.of(rates[1])));
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static String what(String operation, long itemSize, Duration duration) {
		return String.format(Locale.ROOT, "%d threads, one client: %s, %d B items, %d s rounds", THREADS, operation,
				itemSize, duration.toSeconds());
	}

	private static void createTable(DynamoDbClient client) {
		client.createTable((r) -> r.tableName(TABLE)
			.keySchema((k) -> k.attributeName("hkey").keyType(KeyType.HASH),
					(k) -> k.attributeName("rkey").keyType(KeyType.RANGE))
			.attributeDefinitions((a) -> a.attributeName("hkey").attributeType(ScalarAttributeType.S),
					(a) -> a.attributeName("rkey").attributeType(ScalarAttributeType.B))
			.billingMode(BillingMode.PAY_PER_REQUEST));
		try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).build()) {
			waiter.waitUntilTableExists((r) -> r.tableName(TABLE));
		}
	}

	/**
	 * The items: keys {@code k0000000}, {@code k0000001}, ... under hash key {@code tp},
	 * sort keys {@code 0x00} + key bytes as dynamodown writes them, random values.
	 * @return the items, each of 104 bytes as DynamoDB counts them
	 */
	static List<Map<String, AttributeValue>> items() {
		Random random = new Random(42);
		List<Map<String, AttributeValue>> items = new ArrayList<>(ITEMS);
		for (int i = 0; i < ITEMS; i++) {
			byte[] key = String.format(Locale.ROOT, "k%07d", i).getBytes(StandardCharsets.US_ASCII);
			byte[] sortKey = new byte[key.length + 1];
			System.arraycopy(key, 0, sortKey, 1, key.length);
			byte[] value = new byte[VALUE_BYTES];
			random.nextBytes(value);
			items.add(Map.of("hkey", AttributeValue.fromS("tp"), "rkey",
					AttributeValue.fromB(SdkBytes.fromByteArray(sortKey)), "value",
					AttributeValue.fromB(SdkBytes.fromByteArray(value))));
		}
		return items;
	}

	/**
	 * Sends one operation from every thread for a fixed time.
	 * @return the operations answered per second, all threads together
	 */
	private static long drive(ExecutorService threads, IntConsumer operation, Duration duration) {
		CountDownLatch ready = new CountDownLatch(THREADS);
		CountDownLatch go = new CountDownLatch(1);
		AtomicLong deadline = new AtomicLong();
		List<Future<Long>> counts = new ArrayList<>(THREADS);
		for (int t = 0; t < THREADS; t++) {
			int first = t * (ITEMS / THREADS);
			counts.add(threads.submit(() -> {
				ready.countDown();
				go.await();
				long end = deadline.get();
				long n = 0;
				while (n < MAX_OPS_PER_THREAD && System.nanoTime() - end < 0) {
					operation.accept((int) ((first + n) % ITEMS));
					n++;
				}
				return n;
			}));
		}
		try {
			ready.await();
			long start = System.nanoTime();
			deadline.set(start + duration.toNanos());
			go.countDown();
			long ops = 0;
			for (Future<Long> count : counts) {
				ops += count.get(duration.toMillis() + 60_000, TimeUnit.MILLISECONDS);
			}
			long elapsed = System.nanoTime() - start;
			return Math.round(ops * 1e9 / elapsed);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while measuring throughput", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a request failed while measuring throughput", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("a throughput round did not end in time", ex);
		}
		finally {
			counts.forEach((count) -> count.cancel(true));
		}
	}

}
