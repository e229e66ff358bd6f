package io.dynamodown.internal.changes;

import java.util.ArrayList;
import java.util.List;

import io.dynamodown.changes.StartPosition;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Sends the DynamoDB Streams requests of the change feed through the store's
 * {@link RequestRunner}, so they are timed, reported and translated as every other
 * request.
 */
final class StreamReader {

	private final RequestRunner runner;

	private final DynamoDbStreamsClient client;

	StreamReader(RequestRunner runner, DynamoDbStreamsClient client) {
		this.runner = runner;
		this.client = client;
	}

	/**
	 * Lists a stream's shards: {@code DescribeStream}, paged.
	 * @param streamArn the stream
	 * @return its status and shards
	 */
	Stream describe(String streamArn) {
		List<Shard> shards = new ArrayList<>();
		String start = null;
		StreamStatus status;
		do {
			DescribeStreamRequest.Builder request = DescribeStreamRequest.builder().streamArn(streamArn);
			if (start != null) {
				request.exclusiveStartShardId(start);
			}
			StreamDescription description = this.runner.run(this.client, Operation.DESCRIBE_STREAM, request.build())
				.streamDescription();
			status = description.streamStatus();
			description.shards()
				.forEach((shard) -> shards
					.add(new Shard(shard.shardId(), shard.parentShardId(), shard.sequenceNumberRange() != null
							&& shard.sequenceNumberRange().endingSequenceNumber() != null)));
			start = description.lastEvaluatedShardId();
		}
		while (start != null);
		return new Stream(status, shards);
	}

	/**
	 * An iterator of a shard.
	 * @param streamArn the stream
	 * @param shardId the shard
	 * @param after the sequence number to read after, or {@code null} to read from
	 * {@code start}
	 * @param start where to read a shard without a checkpoint
	 * @return the iterator, or {@code null} when the shard is gone
	 * @throws StoreFailure whose cause is a {@link TrimmedDataAccessException} when
	 * {@code after} is older than the stream's retention
	 */
	@Nullable String iterator(String streamArn, String shardId, @Nullable String after, StartPosition start) {
		GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder()
			.streamArn(streamArn)
			.shardId(shardId);
		if (after != null) {
			request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
		}
		else {
			request.shardIteratorType(
					(start == StartPosition.LATEST) ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON);
		}
		return this.runner.run(this.client, Operation.GET_SHARD_ITERATOR, request.build()).shardIterator();
	}

	/**
	 * Reads the next records of a shard.
	 * @param iterator the shard iterator
	 * @param limit the most records
	 * @return the records and the next iterator ({@code null} once the shard is read to
	 * its end)
	 * @throws StoreFailure whose cause is an {@link ExpiredIteratorException} after 15
	 * minutes, or a {@link TrimmedDataAccessException} when the iterator points at
	 * records past the retention
	 */
	GetRecordsResponse records(String iterator, int limit) {
		return this.runner.run(this.client, Operation.GET_RECORDS,
				GetRecordsRequest.builder().shardIterator(iterator).limit(limit).build());
	}

	/**
	 * Whether a failure is DynamoDB Streams saying an iterator expired.
	 * @param failure the failure
	 * @return {@code true} for an {@link ExpiredIteratorException}
	 */
	static boolean expired(StoreFailure failure) {
		return failure.getCause() instanceof ExpiredIteratorException;
	}

	/**
	 * Whether a failure is DynamoDB Streams saying the records asked for are past the
	 * retention.
	 * @param failure the failure
	 * @return {@code true} for a {@link TrimmedDataAccessException}
	 */
	static boolean trimmed(StoreFailure failure) {
		return failure.getCause() instanceof TrimmedDataAccessException;
	}

	/**
	 * A stream's status and shards.
	 *
	 * @param status the status ({@code ENABLED}, {@code DISABLED}, …)
	 * @param shards its shards
	 */
	record Stream(@Nullable StreamStatus status, List<Shard> shards) {

	}

}
