package io.dynamodown.internal.storage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dynamodown.internal.condition.Condition;
import io.dynamodown.internal.condition.ConditionExpression;
import io.dynamodown.internal.condition.ConditionPlanner;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.range.SortKeyRange;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Builds the requests of one store (one table, one hash key and its shards): pure, no
 * I/O. Every request asks for the consumed capacity; reads carry the store's consistency.
 */
final class ItemRequests {

	private static final String FORM_NAME = "#f";

	private final KeyLayout layout;

	private final boolean consistentReads;

	ItemRequests(KeyLayout layout, boolean consistentReads) {
		this.layout = layout;
		this.consistentReads = consistentReads;
	}

	GetItemRequest get(byte[] key) {
		return get(key, false);
	}

	/**
	 * A read of one key, strongly consistent when asked or when the store reads so (a
	 * read again after a missing chunk, and repair, must see the latest item).
	 */
	GetItemRequest get(byte[] key, boolean forceConsistent) {
		return GetItemRequest.builder()
			.tableName(this.layout.table())
			.key(this.layout.primaryKey(key))
			.consistentRead(forceConsistent || this.consistentReads)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
			.build();
	}

	/**
	 * A put that hands back the item it replaces, to find the chunks of a replaced large
	 * value (DynamoDB charges nothing for it).
	 */
	PutItemRequest put(Map<String, AttributeValue> item) {
		return PutItemRequest.builder()
			.tableName(this.layout.table())
			.item(item)
			.returnValues(ReturnValue.ALL_OLD)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
			.build();
	}

	/**
	 * A delete that hands back the item it deletes, to find the chunks of a large value.
	 */
	DeleteItemRequest delete(byte[] key) {
		return DeleteItemRequest.builder()
			.tableName(this.layout.table())
			.key(this.layout.primaryKey(key))
			.returnValues(ReturnValue.ALL_OLD)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
			.build();
	}

	/**
	 * Whether the store reads strongly consistent.
	 */
	boolean consistentReads() {
		return this.consistentReads;
	}

	BatchGetItemRequest batchGet(List<Map<String, AttributeValue>> keys) {
		return batchGet(keys, false);
	}

	/**
	 * A read of many keys, strongly consistent when asked or when the store reads so.
	 */
	BatchGetItemRequest batchGet(List<Map<String, AttributeValue>> keys, boolean forceConsistent) {
		KeysAndAttributes read = KeysAndAttributes.builder()
			.keys(keys)
			.consistentRead(forceConsistent || this.consistentReads)
			.build();
		return BatchGetItemRequest.builder()
			.requestItems(Map.of(this.layout.table(), read))
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
			.build();
	}

	/**
	 * An eventually consistent read of the sort keys and forms of many keys (chunks whose
	 * owner is checked before they are deleted).
	 */
	BatchGetItemRequest batchGetForms(List<Map<String, AttributeValue>> keys) {
		KeysAndAttributes read = KeysAndAttributes.builder()
			.keys(keys)
			.consistentRead(false)
			.projectionExpression(SortKeyRange.SORT_NAME + ", " + FORM_NAME)
			.expressionAttributeNames(Map.of(SortKeyRange.SORT_NAME, this.layout.names().sortKey(), FORM_NAME,
					this.layout.names().form()))
			.build();
		return BatchGetItemRequest.builder()
			.requestItems(Map.of(this.layout.table(), read))
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
			.build();
	}

	BatchWriteItemRequest batchWrite(List<WriteRequest> writes) {
		return BatchWriteItemRequest.builder()
			.requestItems(Map.of(this.layout.table(), writes))
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
			.build();
	}

	WriteRequest putRequest(Map<String, AttributeValue> item) {
		return WriteRequest.builder().putRequest((p) -> p.item(item)).build();
	}

	WriteRequest deleteRequest(Map<String, AttributeValue> primaryKey) {
		return WriteRequest.builder().deleteRequest((d) -> d.key(primaryKey)).build();
	}

	TransactWriteItemsRequest transactWrite(List<TransactWriteItem> items, String token) {
		return TransactWriteItemsRequest.builder()
			.transactItems(items)
			.clientRequestToken(token)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
			.build();
	}

	/**
	 * One write of a transaction: a put of an item or a delete of a key; a conditional
	 * one carries its condition and asks for the current item when the condition fails.
	 * @param key the full key
	 * @param item the item to put, or {@code null} to delete the key
	 * @param sent the condition as sent (no {@link Condition.ValueIs}), or {@code null}
	 * @param now the store's now, for expiry
	 */
	TransactWriteItem transactItem(byte[] key, @Nullable Map<String, AttributeValue> item, @Nullable Condition sent,
			long now) {
		ConditionExpression condition = (sent != null) ? ConditionPlanner.plan(sent, this.layout.names(), now) : null;
		ReturnValuesOnConditionCheckFailure oldItem = ReturnValuesOnConditionCheckFailure.ALL_OLD;
		if (item != null) {
			return TransactWriteItem.builder().put((p) -> {
				p.tableName(this.layout.table()).item(item);
				if (condition != null) {
					p.conditionExpression(condition.expression())
						.expressionAttributeNames(condition.names())
						.expressionAttributeValues(condition.values().isEmpty() ? null : condition.values())
						.returnValuesOnConditionCheckFailure(oldItem);
				}
			}).build();
		}
		return TransactWriteItem.builder().delete((d) -> {
			d.tableName(this.layout.table()).key(this.layout.primaryKey(key));
			if (condition != null) {
				d.conditionExpression(condition.expression())
					.expressionAttributeNames(condition.names())
					.expressionAttributeValues(condition.values().isEmpty() ? null : condition.values())
					.returnValuesOnConditionCheckFailure(oldItem);
			}
		}).build();
	}

	/**
	 * The one {@code Query} of a planned range in one shard: its key condition,
	 * direction, limit and projection, and with {@code liveAt} the filter that leaves out
	 * items expired at that second ({@code Limit} counts the items read before the
	 * filter).
	 */
	QueryRequest query(int shard, SortKeyRange range, boolean reverse, int limit, Projection projection,
			@Nullable Map<String, AttributeValue> startKey, @Nullable Long liveAt) {
		Map<String, String> names = expressionNames(range, projection != Projection.ITEMS);
		if (projection == Projection.FORMS) {
			names.put(FORM_NAME, this.layout.names().form());
		}
		Map<String, AttributeValue> values = expressionValues(shard, range);
		QueryRequest.Builder request = QueryRequest.builder();
		if (liveAt != null) {
			ConditionExpression live = ConditionPlanner.liveFilter(this.layout.names(), liveAt);
			names.putAll(live.names());
			values.putAll(live.values());
			request.filterExpression(live.expression());
		}
		request.tableName(this.layout.table())
			.keyConditionExpression(range.keyConditionExpression())
			.expressionAttributeNames(names)
			.expressionAttributeValues(values)
			.scanIndexForward(!reverse)
			.consistentRead(this.consistentReads)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
		if (projection == Projection.KEYS) {
			request.projectionExpression(SortKeyRange.SORT_NAME);
		}
		else if (projection == Projection.FORMS) {
			request.projectionExpression(SortKeyRange.SORT_NAME + ", " + FORM_NAME);
		}
		if (limit > 0) {
			request.limit(limit);
		}
		if (startKey != null) {
			request.exclusiveStartKey(startKey);
		}
		return request.build();
	}

	/**
	 * DynamoDB refuses names that an expression does not use.
	 */
	private Map<String, String> expressionNames(SortKeyRange range, boolean projectSortKey) {
		Map<String, String> names = new HashMap<>(4);
		names.put(SortKeyRange.HASH_NAME, this.layout.names().hashKey());
		if (projectSortKey || range.lower() != null || range.upper() != null) {
			names.put(SortKeyRange.SORT_NAME, this.layout.names().sortKey());
		}
		return names;
	}

	private Map<String, AttributeValue> expressionValues(int shard, SortKeyRange range) {
		Map<String, AttributeValue> values = new HashMap<>(4);
		values.put(":h", this.layout.partitionKeyValue(shard));
		if (range.lower() != null) {
			values.put(":lo", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(range.lower().key())));
		}
		if (range.upper() != null) {
			values.put(":hi", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(range.upper().key())));
		}
		return values;
	}

	/**
	 * Where a query stopped, or {@code null} when it read to the end of its range.
	 */
	static @Nullable Map<String, AttributeValue> lastEvaluatedKey(QueryResponse response) {
		return (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) ? response.lastEvaluatedKey()
				: null;
	}

	/**
	 * What a query reads.
	 */
	enum Projection {

		/** Whole items. */
		ITEMS,

		/** The sort key alone. */
		KEYS,

		/** The sort key and the form, which names the chunks of a large value. */
		FORMS

	}

}
