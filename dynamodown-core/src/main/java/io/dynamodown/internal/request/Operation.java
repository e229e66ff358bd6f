package io.dynamodown.internal.request;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/**
 * One kind of DynamoDB request the store sends: its name, how the client sends it, how
 * its override configuration is set, and where its answer reports consumed capacity and
 * unprocessed work. Typed this way, reading a response needs no type tests.
 *
 * @param <C> the client type: {@link DynamoDbClient}, or {@link DynamoDbStreamsClient}
 * for the requests of the change feed
 * @param <Q> the request type
 * @param <R> the response type
 */
public final class Operation<C, Q, R> {

	/** {@code GetItem}. */
	public static final Operation<DynamoDbClient, GetItemRequest, GetItemResponse> GET_ITEM = new Operation<>("GetItem",
			false, DynamoDbClient::getItem, (q, o) -> q.toBuilder().overrideConfiguration(o).build(),
			(r) -> one(r.consumedCapacity()), (r) -> 0);

	/** {@code PutItem}. */
	public static final Operation<DynamoDbClient, PutItemRequest, PutItemResponse> PUT_ITEM = new Operation<>("PutItem",
			true, DynamoDbClient::putItem, (q, o) -> q.toBuilder().overrideConfiguration(o).build(),
			(r) -> one(r.consumedCapacity()), (r) -> 0);

	/** {@code DeleteItem}. */
	public static final Operation<DynamoDbClient, DeleteItemRequest, DeleteItemResponse> DELETE_ITEM = new Operation<>(
			"DeleteItem", true, DynamoDbClient::deleteItem, (q, o) -> q.toBuilder().overrideConfiguration(o).build(),
			(r) -> one(r.consumedCapacity()), (r) -> 0);

	/** {@code UpdateItem}: the change feed's leases and checkpoints. */
	public static final Operation<DynamoDbClient, UpdateItemRequest, UpdateItemResponse> UPDATE_ITEM = new Operation<>(
			"UpdateItem", true, DynamoDbClient::updateItem, (q, o) -> q.toBuilder().overrideConfiguration(o).build(),
			(r) -> one(r.consumedCapacity()), (r) -> 0);

	/** {@code BatchGetItem}. */
	public static final Operation<DynamoDbClient, BatchGetItemRequest, BatchGetItemResponse> BATCH_GET_ITEM = new Operation<>(
			"BatchGetItem", false, DynamoDbClient::batchGetItem,
			(q, o) -> q.toBuilder().overrideConfiguration(o).build(), BatchGetItemResponse::consumedCapacity,
			(r) -> r.unprocessedKeys().values().stream().mapToInt((keys) -> keys.keys().size()).sum());

	/** {@code BatchWriteItem}. */
	public static final Operation<DynamoDbClient, BatchWriteItemRequest, BatchWriteItemResponse> BATCH_WRITE_ITEM = new Operation<>(
			"BatchWriteItem", true, DynamoDbClient::batchWriteItem,
			(q, o) -> q.toBuilder().overrideConfiguration(o).build(), BatchWriteItemResponse::consumedCapacity,
			(r) -> r.unprocessedItems().values().stream().mapToInt(List::size).sum());

	/** {@code TransactWriteItems}. */
	public static final Operation<DynamoDbClient, TransactWriteItemsRequest, TransactWriteItemsResponse> TRANSACT_WRITE_ITEMS = new Operation<>(
			"TransactWriteItems", true, DynamoDbClient::transactWriteItems,
			(q, o) -> q.toBuilder().overrideConfiguration(o).build(), TransactWriteItemsResponse::consumedCapacity,
			(r) -> 0);

	/** {@code Query}. */
	public static final Operation<DynamoDbClient, QueryRequest, QueryResponse> QUERY = new Operation<>("Query", false,
			DynamoDbClient::query, (q, o) -> q.toBuilder().overrideConfiguration(o).build(),
			(r) -> one(r.consumedCapacity()), (r) -> 0);

	/** {@code DescribeTable}. */
	public static final Operation<DynamoDbClient, DescribeTableRequest, DescribeTableResponse> DESCRIBE_TABLE = new Operation<>(
			"DescribeTable", false, DynamoDbClient::describeTable,
			(q, o) -> q.toBuilder().overrideConfiguration(o).build(), (r) -> List.of(), (r) -> 0);

	/** {@code CreateTable}. */
	public static final Operation<DynamoDbClient, CreateTableRequest, CreateTableResponse> CREATE_TABLE = new Operation<>(
			"CreateTable", false, DynamoDbClient::createTable, (q, o) -> q.toBuilder().overrideConfiguration(o).build(),
			(r) -> List.of(), (r) -> 0);

	/** {@code UpdateTimeToLive}. */
	public static final Operation<DynamoDbClient, UpdateTimeToLiveRequest, UpdateTimeToLiveResponse> UPDATE_TIME_TO_LIVE = new Operation<>(
			"UpdateTimeToLive", false, DynamoDbClient::updateTimeToLive,
			(q, o) -> q.toBuilder().overrideConfiguration(o).build(), (r) -> List.of(), (r) -> 0);

	/** {@code DescribeTimeToLive}. */
	public static final Operation<DynamoDbClient, DescribeTimeToLiveRequest, DescribeTimeToLiveResponse> DESCRIBE_TIME_TO_LIVE = new Operation<>(
			"DescribeTimeToLive", false, DynamoDbClient::describeTimeToLive,
			(q, o) -> q.toBuilder().overrideConfiguration(o).build(), (r) -> List.of(), (r) -> 0);

	/** {@code DescribeStream} of DynamoDB Streams. */
	public static final Operation<DynamoDbStreamsClient, DescribeStreamRequest, DescribeStreamResponse> DESCRIBE_STREAM = new Operation<>(
			"DescribeStream", "stream", false, DynamoDbStreamsClient::describeStream,
			(q, o) -> q.toBuilder().overrideConfiguration(o).build(), (r) -> List.of(), (r) -> 0);

	/** {@code GetShardIterator} of DynamoDB Streams. */
	public static final Operation<DynamoDbStreamsClient, GetShardIteratorRequest, GetShardIteratorResponse> GET_SHARD_ITERATOR = new Operation<>(
			"GetShardIterator", "stream", false, DynamoDbStreamsClient::getShardIterator,
			(q, o) -> q.toBuilder().overrideConfiguration(o).build(), (r) -> List.of(), (r) -> 0);

	/** {@code GetRecords} of DynamoDB Streams. */
	public static final Operation<DynamoDbStreamsClient, GetRecordsRequest, GetRecordsResponse> GET_RECORDS = new Operation<>(
			"GetRecords", "stream", false, DynamoDbStreamsClient::getRecords,
			(q, o) -> q.toBuilder().overrideConfiguration(o).build(), (r) -> List.of(), (r) -> 0);

	private final String name;

	private final boolean writes;

	private final String resource;

	private final BiFunction<C, Q, R> send;

	private final BiFunction<Q, AwsRequestOverrideConfiguration, Q> override;

	private final Function<R, List<ConsumedCapacity>> capacity;

	private final ToIntFunction<R> unprocessed;

	private Operation(String name, boolean writes, BiFunction<C, Q, R> send,
			BiFunction<Q, AwsRequestOverrideConfiguration, Q> override, Function<R, List<ConsumedCapacity>> capacity,
			ToIntFunction<R> unprocessed) {
		this(name, "table", writes, send, override, capacity, unprocessed);
	}

	private Operation(String name, String resource, boolean writes, BiFunction<C, Q, R> send,
			BiFunction<Q, AwsRequestOverrideConfiguration, Q> override, Function<R, List<ConsumedCapacity>> capacity,
			ToIntFunction<R> unprocessed) {
		this.name = name;
		this.resource = resource;
		this.writes = writes;
		this.send = send;
		this.override = override;
		this.capacity = capacity;
		this.unprocessed = unprocessed;
	}

	/**
	 * The DynamoDB operation name, as reported to listeners.
	 * @return the name, such as {@code PutItem}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * What a {@code ResourceNotFoundException} of this request says is missing.
	 * @return {@code table}, or {@code stream} for the requests of DynamoDB Streams
	 */
	String resource() {
		return this.resource;
	}

	boolean writes() {
		return this.writes;
	}

	R send(C client, Q request, AwsRequestOverrideConfiguration configuration) {
		return this.send.apply(client, this.override.apply(request, configuration));
	}

	List<ConsumedCapacity> capacity(R response) {
		return this.capacity.apply(response);
	}

	int unprocessed(R response) {
		return this.unprocessed.applyAsInt(response);
	}

	private static List<ConsumedCapacity> one(@Nullable ConsumedCapacity capacity) {
		return (capacity != null) ? List.of(capacity) : List.of();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
