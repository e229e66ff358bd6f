package io.dynamodown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An atomic batch is all or nothing: when DynamoDB cancels its transaction, none of its
 * writes is visible.
 */
class AtomicBatchTests {

	@Test
	void batchWhoseTransactionIsCancelledLeavesNoneOfItsWritesVisible() {
		RecordingListener listener = new RecordingListener();
		String table = LocalDynamo.freshTable();
		try (DynamoDbClient sabotaged = sabotagingClient();
				LevelDb db = LevelDb.builder(sabotaged).table(table).listener(listener).open()) {
			db.put(utf8("kept"), utf8("before"));
			Batch batch = db.batch();
			for (int i = 0; i < 10; i++) {
				batch.put(utf8("new" + i), utf8("v"));
			}
			batch.delete(utf8("kept"));
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(batch::write)
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.TRANSACTION_CANCELLED))
				.withMessageContaining("ConditionalCheckFailed");
			assertThat(db.keys(Range.all()).all()).containsExactly(utf8("kept"));
			assertThat(db.get(utf8("kept"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("before")));
			assertThat(listener.count("TransactWriteItems")).isEqualTo(1);
		}
	}

	/**
	 * A client whose transactions carry one write that DynamoDB must refuse (a condition
	 * on an attribute no item has), so that the server cancels the whole transaction.
	 */
	private static DynamoDbClient sabotagingClient() {
		ExecutionInterceptor failLastWrite = new ExecutionInterceptor() {

			@Override
			public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
				if (!(context.request() instanceof TransactWriteItemsRequest request)) {
					return context.request();
				}
				List<TransactWriteItem> items = new ArrayList<>(request.transactItems());
				TransactWriteItem last = items.remove(items.size() - 1);
				Map<String, AttributeValue> key = (last.put() != null) ? last.put().item() : last.delete().key();
				items.add(TransactWriteItem.builder()
					.conditionCheck((check) -> check.tableName(request.transactItems().get(0).put().tableName())
						.key(Map.of("hkey", key.get("hkey"), "rkey", key.get("rkey")))
						.conditionExpression("attribute_exists(#never)")
						.expressionAttributeNames(Map.of("#never", "never")))
					.build());
				return request.toBuilder().transactItems(items).build();
			}

		};
		return DynamoDbClient.builder()
			.endpointOverride(LocalDynamo.server().endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.overrideConfiguration((c) -> c.addExecutionInterceptor(failLastWrite))
			.build();
	}

}
