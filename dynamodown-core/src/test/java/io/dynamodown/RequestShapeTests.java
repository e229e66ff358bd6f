package io.dynamodown;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dynamodown.support.LocalDynamo;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads are strongly consistent unless the store is opened for eventually consistent
 * reads.
 */
class RequestShapeTests {

	@Test
	void readsAreStronglyConsistentByDefault() {
		assertThat(readFlags(true)).hasSize(3).containsOnly(true);
	}

	@Test
	void eventuallyConsistentStoresAskForEventualReads() {
		assertThat(readFlags(false)).hasSize(3).containsOnly(false);
	}

	@Test
	void rangeQueriesCarryTheTightestConditionTheLimitAndKeysOnlyProjection() {
		List<QueryRequest> queries = new CopyOnWriteArrayList<>();
		ExecutionInterceptor recorder = new ExecutionInterceptor() {

			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				if (context.request() instanceof QueryRequest query) {
					queries.add(query);
				}
			}

		};
		try (DynamoDbClient client = LocalDynamo.server()
			.clientBuilder()
			.overrideConfiguration((c) -> c.addExecutionInterceptor(recorder))
			.build(); LevelDb db = LevelDb.builder(client).table(LocalDynamo.freshTable()).open()) {
			Batch batch = db.batch();
			for (int i = 0; i < 20; i++) {
				batch.put(utf8(String.format("%02d", i)), utf8("v"));
			}
			batch.write();
			assertThat(db.keys(Range.all().gt(utf8("03")).lt(utf8("09")).limit(4)).all()).hasSize(4);
			assertThat(db.iterator(Range.all().lte(utf8("05")).reverse()).all()).hasSize(6);
		}
		assertThat(queries).hasSize(2);
		QueryRequest keys = queries.get(0);
		assertThat(keys.keyConditionExpression()).isEqualTo("#h = :h AND #r BETWEEN :lo AND :hi");
		assertThat(keys.limit()).isEqualTo(4);
		assertThat(keys.projectionExpression()).isEqualTo("#r");
		assertThat(keys.expressionAttributeValues().get(":lo").b().asByteArray()).isEqualTo(utf8("\u000003\u0000"));
		QueryRequest entries = queries.get(1);
		assertThat(entries.keyConditionExpression()).isEqualTo("#h = :h AND #r <= :hi");
		assertThat(entries.scanIndexForward()).isFalse();
		assertThat(entries.limit()).isNull();
		assertThat(entries.projectionExpression()).isNull();
	}

	/**
	 * The {@code ConsistentRead} flag of each read request a store sends for a get, a
	 * getMany and an iteration.
	 */
	private static List<Boolean> readFlags(boolean consistent) {
		List<Boolean> flags = new CopyOnWriteArrayList<>();
		ExecutionInterceptor recorder = new ExecutionInterceptor() {

			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				SdkRequest request = context.request();
				if (request instanceof GetItemRequest get) {
					flags.add(get.consistentRead());
				}
				else if (request instanceof QueryRequest query) {
					flags.add(query.consistentRead());
				}
				else if (request instanceof BatchGetItemRequest batchGet) {
					batchGet.requestItems().values().forEach((keys) -> flags.add(keys.consistentRead()));
				}
			}

		};
		try (DynamoDbClient client = LocalDynamo.server()
			.clientBuilder()
			.overrideConfiguration((c) -> c.addExecutionInterceptor(recorder))
			.build();
				LevelDb db = LevelDb.builder(client)
					.table(LocalDynamo.freshTable())
					.consistentReads(consistent)
					.open()) {
			db.put(utf8("a"), utf8("1"));
			db.get(utf8("a"));
			db.getMany(List.of(utf8("a")));
			db.iterator(Range.all()).all();
		}
		return flags;
	}

}
