package io.dynamodown.large;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RawItems;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A store with eventually consistent reads reads a large value's item and chunks
 * eventually consistent; once a chunk is missing, it reads again strongly consistent, so
 * that a chunk not yet replicated is not taken for a replaced value. A chunk that stays
 * missing (deleted behind the store's back) is an error after a bounded number of reads,
 * never a wrong value.
 */
class ChunkConsistencyTests {

	@Test
	void aStronglyConsistentStoreReadsChunksStronglyConsistent() {
		List<String> reads = new CopyOnWriteArrayList<>();
		try (DynamoDbClient client = recordingClient(reads);
				LevelDb db = LevelDb.builder(client).table(LocalDynamo.freshTable()).open()) {
			byte[] value = LargeValueTests.random(1_000_000, 31);
			db.put(utf8("k"), value);
			assertThat(db.get(utf8("k"))).hasValueSatisfying((read) -> assertThat(read).isEqualTo(value));
			assertThat(db.iterator(io.dynamodown.Range.all()).all()).hasSize(1);
			assertThat(db.getMany(List.of(utf8("k")))).hasSize(1);
			assertThat(reads).containsExactly("GetItem consistent=true", "BatchGetItem consistent=true",
					"BatchGetItem consistent=true", "BatchGetItem consistent=true", "BatchGetItem consistent=true");
		}
	}

	@Test
	void readsAfterAMissingChunkAreStronglyConsistent() {
		List<String> reads = new CopyOnWriteArrayList<>();
		try (DynamoDbClient client = recordingClient(reads);
				LevelDb db = LevelDb.builder(client).table(LocalDynamo.freshTable()).consistentReads(false).open()) {
			byte[] value = LargeValueTests.random(1_000_000, 30);
			db.put(utf8("k"), value);
			assertThat(db.get(utf8("k"))).hasValueSatisfying((read) -> assertThat(read).isEqualTo(value));
			assertThat(reads).containsExactly("GetItem consistent=false", "BatchGetItem consistent=false");
			reads.clear();
			Map<String, AttributeValue> chunk = RawItems.chunks(db).get(1);
			LocalDynamo.client()
				.deleteItem((delete) -> delete.tableName(db.table())
					.key(Map.of("hkey", chunk.get("hkey"), "rkey", chunk.get("rkey"))));
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.get(utf8("k")))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CORRUPT_ITEM))
				.withMessageContaining("6b")
				.withMessageContaining("missing from a consistent read");
			assertThat(reads).as("read again consistently once, then the key's item still names the same chunks")
				.containsExactly("GetItem consistent=false", "BatchGetItem consistent=false", "GetItem consistent=true",
						"BatchGetItem consistent=true", "GetItem consistent=true");
		}
	}

	private static DynamoDbClient recordingClient(List<String> reads) {
		ExecutionInterceptor recorder = new ExecutionInterceptor() {

			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				if (context.request() instanceof GetItemRequest get) {
					reads.add("GetItem consistent=" + get.consistentRead());
				}
				else if (context.request() instanceof BatchGetItemRequest batch) {
					reads.add("BatchGetItem consistent="
							+ batch.requestItems().values().iterator().next().consistentRead());
				}
			}

		};
		return LocalDynamo.server()
			.clientBuilder()
			.overrideConfiguration((c) -> c.addExecutionInterceptor(recorder))
			.build();
	}

}
