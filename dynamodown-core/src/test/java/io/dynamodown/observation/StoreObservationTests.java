package io.dynamodown.observation;

import io.dynamodown.Compression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.dynamodown.Batch;
import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.Range;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every store operation is observed as {@code dynamodown.operation} in the registry it is
 * given, with the requests it sent on any thread counted into it.
 */
class StoreObservationTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final RecordingListener listener = new RecordingListener();

	@Test
	void getIsObservedWithItsLowAndHighCardinalityKeys() {
		try (LevelDb db = LocalDynamo.freshStore(this.listener).observationRegistry(this.registry).open()) {
			db.put(utf8("k"), utf8("v"));
			this.registry.clear();
			this.listener.reset();
			assertThat(db.get(utf8("k"))).isPresent();
			StoreObservationContext get = single("get");
			DefaultStoreObservationConvention convention = new DefaultStoreObservationConvention();
			KeyValues low = convention.getLowCardinalityKeyValues(get);
			KeyValues high = convention.getHighCardinalityKeyValues(get);
			System.out.println("get low-cardinality keys:  " + low);
			System.out.println("get high-cardinality keys: " + high);
			RequestEvent request = this.listener.requests().get(0);
			TestObservationRegistryAssert.assertThat(this.registry)
				.hasSingleObservationThat()
				.hasNameEqualTo("dynamodown.operation")
				.hasContextualNameEqualTo("dynamodown get")
				.hasLowCardinalityKeyValue("db.system.name", "aws.dynamodb")
				.hasLowCardinalityKeyValue("db.operation.name", "get")
				.hasLowCardinalityKeyValue("aws.dynamodb.table_names", db.table())
				.hasLowCardinalityKeyValue("outcome", "success")
				.hasLowCardinalityKeyValue("error.type", "none")
				.hasHighCardinalityKeyValue("dynamodown.hash_key", db.hashKey())
				.hasHighCardinalityKeyValue("dynamodown.requests", "1")
				.hasHighCardinalityKeyValue("dynamodown.items", "1")
				.hasHighCardinalityKeyValue("aws.dynamodb.consumed_capacity.read",
						Double.toString(request.readCapacity()))
				.hasHighCardinalityKeyValue("aws.dynamodb.consumed_capacity.write", "0.0")
				.doesNotHaveError();
			assertThat(this.listener.requests()).hasSize(1);
			assertThat(request.readCapacity()).isPositive();
		}
	}

	@Test
	void storeObservationIsTheChildOfTheCurrentObservation() {
		try (LevelDb db = LocalDynamo.freshStore(this.listener).observationRegistry(this.registry).open()) {
			Observation outer = Observation.start("request", this.registry);
			try (Observation.Scope scope = outer.openScope()) {
				db.put(utf8("k"), utf8("v"));
			}
			finally {
				outer.stop();
			}
			StoreObservationContext put = single("put");
			assertThat(put.getParentObservation()).isSameAs(outer);
			assertThat(single("open").getParentObservation()).isNull();
		}
	}

	@Test
	void eachIteratorPageIsObservedWithItsEntries() {
		try (LevelDb db = LocalDynamo.freshStore(this.listener)
			.compression(Compression.none())
			.observationRegistry(this.registry)
			.open()) {
			byte[] value = new byte[100 * 1024];
			Batch bulk = db.bulk();
			for (int i = 0; i < 30; i++) {
				bulk.put(utf8(String.format("%02d", i)), value);
			}
			bulk.write();
			this.registry.clear();
			this.listener.reset();
			Observation outer = Observation.start("request", this.registry);
			try (Observation.Scope scope = outer.openScope()) {
				assertThat(db.iterator(Range.all()).all()).hasSize(30);
			}
			finally {
				outer.stop();
			}
			List<StoreObservationContext> pages = observed("iterator.page");
			assertThat(pages).hasSize((int) this.listener.count("Query")).hasSizeGreaterThanOrEqualTo(3);
			assertThat(pages).allSatisfy((page) -> {
				assertThat(page.requests()).isEqualTo(1);
				assertThat(page.getParentObservation()).isSameAs(outer);
			});
			assertThat(pages.stream().mapToLong(StoreObservationContext::items).sum()).isEqualTo(30);
		}
	}

	@Test
	void failureCarriesItsErrorCode() {
		String table = LocalDynamo.freshTable();
		assertThatExceptionOfType(LevelDbException.class)
			.isThrownBy(() -> LevelDb.builder(LocalDynamo.client())
				.table(table)
				.createIfMissing(false)
				.observationRegistry(this.registry)
				.open())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.TABLE_MISSING));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasLowCardinalityKeyValue("db.operation.name", "open")
			.hasLowCardinalityKeyValue("aws.dynamodb.table_names", table)
			.hasLowCardinalityKeyValue("outcome", "failure")
			.hasLowCardinalityKeyValue("error.type", "TABLE_MISSING")
			.hasError();
	}

	@Test
	void bulkWriteCountsTheRequestsSentOnTheExecutorThreads() {
		Set<String> threads = ConcurrentHashMap.newKeySet();
		RecordingListener threadRecorder = this.listener;
		try (LevelDb db = LocalDynamo.freshStore(threadRecorder).listener((event) -> {
			threads.add(Thread.currentThread().getName());
			threadRecorder.onRequest(event);
		}).concurrency(4).observationRegistry(this.registry).open()) {
			threadRecorder.reset();
			threads.clear();
			Batch bulk = db.bulk();
			for (int i = 0; i < 200; i++) {
				bulk.put(utf8("k" + i), utf8("v"));
			}
			bulk.write();
			StoreObservationContext written = single("bulk");
			assertThat(threads).contains(Thread.currentThread().getName()).hasSizeGreaterThan(1);
			assertThat(threadRecorder.count("BatchWriteItem")).isGreaterThanOrEqualTo(8);
			assertThat(written.requests()).isEqualTo(threadRecorder.total());
			assertThat(written.items()).isEqualTo(200);
			assertThat(written.writeUnits())
				.isEqualTo(threadRecorder.requests().stream().mapToDouble(RequestEvent::writeCapacity).sum())
				.isPositive();
		}
	}

	@Test
	void userConventionReplacesTheDefault() {
		StoreObservationConvention renamed = new StoreObservationConvention() {

			@Override
			public String getName() {
				return "kv.call";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(StoreObservationContext context) {
				return KeyValues.of("kv.op", context.operation());
			}

		};
		try (LevelDb db = LocalDynamo.freshStore(this.listener)
			.observationRegistry(this.registry)
			.observationConvention(renamed)
			.open()) {
			this.registry.clear();
			db.delete(utf8("k"));
			TestObservationRegistryAssert.assertThat(this.registry)
				.hasNumberOfObservationsWithNameEqualTo("dynamodown.operation", 0)
				.hasObservationWithNameEqualTo("kv.call")
				.that()
				.hasLowCardinalityKeyValue("kv.op", "delete")
				.doesNotHaveLowCardinalityKeyValueWithKey("db.system.name");
		}
	}

	private StoreObservationContext single(String operation) {
		List<StoreObservationContext> observed = observed(operation);
		assertThat(observed).hasSize(1);
		return observed.get(0);
	}

	private List<StoreObservationContext> observed(String operation) {
		List<StoreObservationContext> found = new ArrayList<>();
		TestObservationRegistryAssert.assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> {
			for (Observation.Context context : contexts) {
				if (context instanceof StoreObservationContext store && store.operation().equals(operation)) {
					found.add(store);
				}
			}
		});
		return found;
	}

}
