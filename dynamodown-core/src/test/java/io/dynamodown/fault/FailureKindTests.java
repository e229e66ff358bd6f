package io.dynamodown.fault;

import io.dynamodown.Compression;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.dynamodown.Batch;
import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbBuilder;
import io.dynamodown.LevelDbException;
import io.dynamodown.LevelIterator;
import io.dynamodown.Range;
import io.dynamodown.Subscription;
import io.dynamodown.changes.SubscriptionOptions;
import io.dynamodown.WritesIncompleteException;
import io.dynamodown.fault.FaultInjectingProxy.Fault;
import io.dynamodown.fault.FaultInjectingProxy.Plan;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.metrics.RequestOutcome;
import io.dynamodown.retry.RetryPolicy;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.table.AttributeNames;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static io.dynamodown.support.Bytes.filled;
import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every kind of failure the internals can report reaches the caller through the public
 * API as a {@link LevelDbException} with its {@link ErrorCode}, never as the internal
 * failure type (not even as a cause or a suppressed exception): from the store's methods,
 * batches, the builder and iterators, and from requests run on the store's threads
 * (concurrent chunks of a bulk write or a many-key read, an iterator's read-ahead).
 */
class FailureKindTests {

	private static final RetryPolicy ONE_ATTEMPT = new RetryPolicy(1, Duration.ZERO, Duration.ZERO,
			Duration.ofSeconds(1));

	private static final ThreadsListener listener = new ThreadsListener();

	private static FaultInjectingProxy proxy;

	private static DynamoDbClient client;

	@BeforeAll
	static void startProxy() {
		proxy = FaultInjectingProxy.start(FaultClients.upstream(), 0xFA11L);
		client = FaultClients.client(proxy.endpoint(), 1);
	}

	@AfterAll
	static void stopProxy() {
		client.close();
		proxy.close();
	}

	@BeforeEach
	void noFaults() {
		proxy.plan(Plan.NONE);
		listener.reset();
	}

	static Stream<Arguments> failures() {
		return Stream.of(
				failure(Kind.INVALID_KEY, ErrorCode.INVALID_KEY, "batch put of a 1024-byte key",
						() -> open().batch().put(filled(1024, 'k'), utf8("v"))),
				failure(Kind.INVALID_VALUE, ErrorCode.INVALID_VALUE, "put of an item over 400 KB",
						() -> store().maxValueSize(400 * 1024).open().put(utf8("k"), filled(400 * 1024 + 1, 'v'))),
				failure(Kind.INVALID_ARGUMENT, ErrorCode.INVALID_ARGUMENT,
						"open with the attempt timeout over the total",
						() -> store().attemptTimeout(Duration.ofSeconds(5)).timeout(Duration.ofSeconds(1)).open()),
				failure(Kind.INVALID_ARGUMENT, ErrorCode.INVALID_ARGUMENT, "range bound with a lone surrogate",
						() -> Range.all().gt("x\uD800")),
				failure(Kind.INVALID_ARGUMENT, ErrorCode.INVALID_ARGUMENT, "attribute names that are the same",
						() -> store().attributeNames(new AttributeNames("k", "k", "v"))),
				failure(Kind.BATCH_TOO_LARGE, ErrorCode.BATCH_TOO_LARGE, "write of an atomic batch of 101 keys", () -> {
					Batch batch = open().batch();
					for (int i = 0; i < 101; i++) {
						batch.put(utf8("k" + i), utf8("v"));
					}
					batch.write();
				}),
				failure(Kind.TABLE_MISSING, ErrorCode.TABLE_MISSING, "open without createIfMissing",
						() -> store().createIfMissing(false).open()),
				failure(Kind.TABLE_MISSING, ErrorCode.TABLE_MISSING, "iterator of a deleted table", () -> {
					LevelDb db = open();
					LocalDynamo.client().deleteTable((request) -> request.tableName(db.table()));
					db.iterator(Range.all()).nextv(10);
				}),
				failure(Kind.TABLE_EXISTS, ErrorCode.TABLE_EXISTS, "open with errorIfExists",
						() -> store(open().table()).errorIfExists(true).open()),
				failure(Kind.SCHEMA_MISMATCH, ErrorCode.SCHEMA_MISMATCH, "open with other attribute names",
						() -> store(open().table()).attributeNames(new AttributeNames("pk", "sk", "data")).open()),
				failure(Kind.THROTTLED, ErrorCode.THROTTLED, "put throttled beyond the SDK's attempts", () -> {
					LevelDb db = open();
					faults(Fault.THROTTLING, "PutItem");
					db.put(utf8("k"), utf8("v"));
				}), failure(Kind.THROTTLED, ErrorCode.THROTTLED, "getMany with keys left unprocessed", true, () -> {
					LevelDb db = open();
					faults(Fault.PARTIAL_BATCH, "BatchGetItem");
					db.getMany(keys(1000));
				}), failure(Kind.TRANSACTION_CANCELLED, ErrorCode.TRANSACTION_CANCELLED, "batch cancelled by conflicts",
						() -> {
							LevelDb db = open();
							faults(Fault.TRANSACTION_CONFLICT, "TransactWriteItems");
							db.batch().put(utf8("a"), utf8("1")).put(utf8("b"), utf8("2")).write();
						}),
				failure(Kind.CONDITION_FAILED, ErrorCode.CONDITION_FAILED, "atomic batch whose condition fails", () -> {
					LevelDb db = open();
					db.put(utf8("a"), utf8("1"));
					db.batch().putIfAbsent(utf8("a"), utf8("2")).put(utf8("b"), utf8("2")).write();
				}),
				failure(Kind.WRITES_INCOMPLETE, ErrorCode.WRITES_INCOMPLETE, "bulk write with items left unprocessed",
						true, () -> bulkWithUnprocessedItems(open())),
				failure(Kind.TIMEOUT, ErrorCode.TIMEOUT, "get without an answer in time", () -> {
					LevelDb db = store().attemptTimeout(Duration.ofMillis(100)).timeout(Duration.ofMillis(300)).open();
					proxy.plan(new Plan(Map.of(Fault.SLOW, 1.0), Set.of("GetItem"), Duration.ofSeconds(2)));
					db.get(utf8("k"));
				}), failure(Kind.REQUEST_FAILED, ErrorCode.REQUEST_FAILED, "delete refused with a server error", () -> {
					LevelDb db = open();
					faults(Fault.INTERNAL_SERVER_ERROR, "DeleteItem");
					db.delete(utf8("k"));
				}), failure(Kind.CORRUPT_ITEM, ErrorCode.CORRUPT_ITEM, "get of an item whose value is a string", () -> {
					LevelDb db = open();
					db.put(utf8("k"), utf8("v"));
					LocalDynamo.client()
						.updateItem((update) -> update.tableName(db.table())
							.key(Map.of("hkey", AttributeValue.fromS(db.hashKey()), "rkey",
									AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 0, 'k' }))))
							.updateExpression("SET #v = :s")
							.expressionAttributeNames(Map.of("#v", "value"))
							.expressionAttributeValues(Map.of(":s", AttributeValue.fromS("text"))));
					db.get(utf8("k"));
				}),
				failure(Kind.REQUEST_FAILED, ErrorCode.REQUEST_FAILED, "page read ahead refused with a server error",
						true, FailureKindTests::iterateWhileTheReadAheadFails),
				failure(Kind.STREAM_UNAVAILABLE, ErrorCode.STREAM_UNAVAILABLE, "subscribe on a table without a stream",
						() -> {
							String table = LocalDynamo.freshTable();
							LocalDynamo.client()
								.createTable((create) -> create.tableName(table)
									.keySchema((k) -> k.attributeName("hkey").keyType(KeyType.HASH),
											(k) -> k.attributeName("rkey").keyType(KeyType.RANGE))
									.attributeDefinitions(
											(a) -> a.attributeName("hkey").attributeType(ScalarAttributeType.S),
											(a) -> a.attributeName("rkey").attributeType(ScalarAttributeType.B))
									.billingMode(BillingMode.PAY_PER_REQUEST));
							store(table).open().subscribe("app", (change) -> {
							});
						}),
				failure(Kind.HANDLER_FAILED, ErrorCode.HANDLER_FAILED, "subscription whose handler keeps throwing",
						FailureKindTests::subscribeWithAFailingHandler));
	}

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@MethodSource("failures")
	void reachesTheCallerAsTheStoresExceptionWithItsCode(Kind kind, ErrorCode code, String name, boolean onStoreThreads,
			ThrowingCallable action) {
		Throwable thrown = catchThrowable(action);
		assertThat(thrown).as(name).isInstanceOf(LevelDbException.class);
		assertThat(((LevelDbException) thrown).code()).as(name).isEqualTo(code);
		assertThat(internalFailuresIn(thrown)).as("internal failures in %s", name).isEmpty();
		if (onStoreThreads) {
			assertThat(listener.threads).as("threads of the requests of %s", name)
				.anyMatch((thread) -> thread.startsWith("dynamodown-"));
		}
	}

	@Test
	void everyKindOfInternalFailureIsProvokedThroughThePublicApi() {
		Set<Kind> provoked = failures().map((arguments) -> (Kind) arguments.get()[0]).collect(Collectors.toSet());
		assertThat(provoked).isEqualTo(EnumSet.allOf(Kind.class));
	}

	@Test
	void incompleteWritesOfASublevelNameTheSublevelsKeys() {
		LevelDb sublevel = open().sublevel("sub");
		WritesIncompleteException ex = catchThrowableOfType(WritesIncompleteException.class,
				() -> bulkWithUnprocessedItems(sublevel));
		assertThat(ex.unwrittenKeys()).isNotEmpty()
			.allSatisfy((key) -> assertThat(new String(key, StandardCharsets.UTF_8)).matches("k[0-9]+"));
		assertThat(internalFailuresIn(ex)).isEmpty();
	}

	private static void subscribeWithAFailingHandler() throws Throwable {
		LevelDb db = open();
		SubscriptionOptions options = SubscriptionOptions.DEFAULT.withPollInterval(Duration.ofMillis(20))
			.withHandlerRetry(ONE_ATTEMPT);
		Subscription subscription = db.subscribe("app", options, (change) -> {
			throw new IllegalStateException("the handler refuses every change");
		});
		db.put(utf8("k"), utf8("v"));
		try {
			subscription.stopped().toCompletableFuture().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw ex.getCause();
		}
	}

	private static void bulkWithUnprocessedItems(LevelDb db) {
		faults(Fault.PARTIAL_BATCH, "BatchWriteItem");
		Batch bulk = db.bulk();
		keys(500).forEach((key) -> bulk.put(key, utf8("v")));
		bulk.write();
	}

	/**
	 * Two pages (15 items of 100 KB; a page ends after the item that crosses 1 MB): once
	 * the first has arrived, every query fails, so the read-ahead of the second fails on
	 * a store thread and the caller meets that failure after the first page.
	 */
	private static void iterateWhileTheReadAheadFails() {
		LevelDb db = open();
		Batch bulk = db.bulk();
		keys(15).forEach((key) -> bulk.put(key, filled(100 * 1024, 'v')));
		bulk.write();
		listener.afterFirstQuery(() -> faults(Fault.INTERNAL_SERVER_ERROR, "Query"));
		try (LevelIterator<byte[]> keys = db.keys(Range.all())) {
			while (keys.hasNext()) {
				keys.next();
			}
		}
	}

	private static List<Throwable> internalFailuresIn(Throwable thrown) {
		List<Throwable> found = new ArrayList<>();
		List<Throwable> pending = new ArrayList<>(List.of(thrown));
		while (!pending.isEmpty()) {
			Throwable next = pending.remove(pending.size() - 1);
			if (next instanceof StoreFailure) {
				found.add(next);
			}
			if (next.getCause() != null) {
				pending.add(next.getCause());
			}
			pending.addAll(List.of(next.getSuppressed()));
		}
		return found;
	}

	private static List<byte[]> keys(int count) {
		List<byte[]> keys = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			keys.add(utf8("k" + i));
		}
		return keys;
	}

	private static void faults(Fault fault, String operation) {
		proxy.plan(new Plan(Map.of(fault, 1.0), Set.of(operation), Duration.ZERO));
	}

	private static LevelDbBuilder store() {
		return store(LocalDynamo.freshTable());
	}

	private static LevelDbBuilder store(String table) {
		// the SDK makes one attempt: a slow table creation on a loaded machine must not
		// time out
		return FaultClients.store(client, table, listener)
			.compression(Compression.none())
			.retryPolicy(ONE_ATTEMPT)
			.attemptTimeout(Duration.ofSeconds(30))
			.timeout(Duration.ofSeconds(30));
	}

	private static LevelDb open() {
		return store().open();
	}

	private static Arguments failure(Kind kind, ErrorCode code, String name, ThrowingCallable action) {
		return failure(kind, code, name, false, action);
	}

	private static Arguments failure(Kind kind, ErrorCode code, String name, boolean onStoreThreads,
			ThrowingCallable action) {
		return Arguments.of(kind, code, name, onStoreThreads, action);
	}

	/**
	 * Records the thread of every request, and runs an action once after the first
	 * successful query.
	 */
	private static final class ThreadsListener implements RequestListener {

		final List<String> threads = new CopyOnWriteArrayList<>();

		private volatile Runnable afterFirstQuery;

		@Override
		public void onRequest(RequestEvent event) {
			this.threads.add(Thread.currentThread().getName());
			Runnable action = this.afterFirstQuery;
			if (action != null && event.operation().equals("Query") && event.outcome() == RequestOutcome.SUCCESS) {
				this.afterFirstQuery = null;
				action.run();
			}
		}

		void afterFirstQuery(Runnable action) {
			this.afterFirstQuery = action;
		}

		void reset() {
			this.threads.clear();
			this.afterFirstQuery = null;
		}

	}

}
