package io.dynamodown.internal.changes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamodown.changes.StartPosition;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A consumer's records in the table ({@link FeedNames}), each read and written with one
 * single-item request. A shard's lease and checkpoint share one item, so that a lease
 * that runs out never takes the checkpoint with it: its end is the {@code until}
 * attribute, compared by each request's condition with the writer's clock, not the
 * store's expiry attribute (DynamoDB's TTL would delete the item). Every write that needs
 * the lease is conditional on its owner, so a subscriber that lost a shard cannot move
 * its checkpoint. A write whose answer was lost and which the SDK sent again fails its
 * condition against itself; the item handed back with the failure tells that apart.
 * Memberships carry the store's expiry attribute, so DynamoDB removes those of
 * subscribers that died.
 */
final class FeedTable {

	static final String OWNER = "owner";

	static final String UNTIL = "until";

	static final String SEQUENCE = "sequence";

	static final String ENDED = "ended";

	static final String ITERATOR = "iterator";

	static final String ENDED_AT = "endedAt";

	static final String STREAM = "stream";

	static final String START = "start";

	static final String CREATED = "created";

	static final String OPEN_AT_START = "openAtStart";

	static final String CLOSED_AT_START = "closedAtStart";

	/**
	 * How long after its end a membership is left for DynamoDB's TTL to delete: long
	 * enough that no clock skew makes it vanish while its subscriber still renews it.
	 */
	private static final long MEMBER_TTL_MARGIN_SECONDS = 3600;

	private final RequestRunner runner;

	private final KeyLayout layout;

	private final FeedNames names;

	private final String hashKey;

	FeedTable(RequestRunner runner, FeedScope scope, FeedNames names) {
		this.runner = runner;
		this.layout = scope.layout();
		this.names = names;
		this.hashKey = scope.recordsHashKey();
	}

	/**
	 * Writes the consumer's record unless it exists, and answers the one that holds.
	 * @param proposed the record to write when there is none
	 * @return the consumer's record: {@code proposed}, or the one written first
	 */
	ConsumerState createConsumer(ConsumerState proposed) {
		Map<String, AttributeValue> item = key(this.names.consumerRecord());
		item.put(STREAM, AttributeValue.fromS(proposed.streamArn()));
		item.put(START, AttributeValue.fromS(proposed.start().name()));
		item.put(CREATED, number(proposed.created()));
		if (!proposed.openAtStart().isEmpty()) {
			item.put(OPEN_AT_START, AttributeValue.fromSs(List.copyOf(proposed.openAtStart())));
		}
		if (!proposed.closedAtStart().isEmpty()) {
			item.put(CLOSED_AT_START, AttributeValue.fromSs(List.copyOf(proposed.closedAtStart())));
		}
		try {
			this.runner.run(Operation.PUT_ITEM,
					PutItemRequest.builder()
						.tableName(this.layout.table())
						.item(item)
						.conditionExpression("attribute_not_exists(#k) OR #s = :s")
						.expressionAttributeNames(Map.of("#k", this.layout.names().sortKey(), "#s", STREAM))
						.expressionAttributeValues(Map.of(":s", AttributeValue.fromS(proposed.streamArn())))
						.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
						.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
						.build());
			return proposed;
		}
		catch (StoreFailure ex) {
			Map<String, AttributeValue> current = conditionFailedItem(ex);
			if (current == null) {
				throw ex;
			}
			return consumerOf(current);
		}
	}

	/**
	 * Moves the consumer to a new stream (the table's stream was replaced), unless
	 * another subscriber did.
	 * @param from the stream the record names
	 * @param to the table's current stream
	 */
	void moveConsumer(String from, String to) {
		try {
			this.runner.run(Operation.UPDATE_ITEM,
					update(this.names.consumerRecord()).updateExpression("SET #s = :to REMOVE #o, #c")
						.conditionExpression("#s = :from")
						.expressionAttributeNames(Map.of("#s", STREAM, "#o", OPEN_AT_START, "#c", CLOSED_AT_START))
						.expressionAttributeValues(
								Map.of(":from", AttributeValue.fromS(from), ":to", AttributeValue.fromS(to)))
						.build());
		}
		catch (StoreFailure ex) {
			if (conditionFailedItem(ex) == null) {
				throw ex;
			}
		}
	}

	/**
	 * Reads every record of the consumer: one strongly consistent query (paged).
	 * @return the consumer's record (or {@code null}), its memberships and its shards
	 */
	Snapshot read() {
		ConsumerState consumer = null;
		List<Member> members = new ArrayList<>();
		Map<String, ShardLease> leases = new HashMap<>();
		Map<String, AttributeValue> start = null;
		do {
			QueryResponse page = this.runner.run(Operation.QUERY, query(start));
			for (Map<String, AttributeValue> item : page.items()) {
				byte[] sortKey = sortKeyOf(item);
				FeedNames.Named named = this.names.nameOf(sortKey);
				if (named == null) {
					consumer = (consumer == null && isConsumerRecord(sortKey)) ? consumerOf(item) : consumer;
				}
				else if (named.shard()) {
					leases.put(named.id(), leaseOf(named.id(), item));
				}
				else {
					members.add(new Member(named.id(), longOf(item, UNTIL)));
				}
			}
			start = (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) ? page.lastEvaluatedKey() : null;
		}
		while (start != null);
		return new Snapshot(consumer, members, leases);
	}

	/**
	 * Writes a subscriber's membership, until a time.
	 * @param subscriber the subscriber id
	 * @param until epoch milliseconds
	 */
	void putMember(String subscriber, long until) {
		Map<String, AttributeValue> item = key(this.names.member(subscriber));
		item.put(UNTIL, number(until));
		item.put(this.layout.names().ttl(), number(Math.floorDiv(until, 1000) + MEMBER_TTL_MARGIN_SECONDS));
		this.runner.run(Operation.PUT_ITEM,
				PutItemRequest.builder()
					.tableName(this.layout.table())
					.item(item)
					.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
					.build());
	}

	/**
	 * Removes a subscriber's membership.
	 * @param subscriber the subscriber id
	 */
	void deleteMember(String subscriber) {
		this.runner.run(Operation.DELETE_ITEM,
				DeleteItemRequest.builder()
					.tableName(this.layout.table())
					.key(key(this.names.member(subscriber)))
					.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
					.build());
	}

	/**
	 * Takes a shard when it is free: never held, handed back, or its lease ended before
	 * {@code now}.
	 * @param shardId the shard
	 * @param subscriber the subscriber id
	 * @param now epoch milliseconds of the subscriber's clock
	 * @param until the end of the new lease
	 * @return the shard's record with the new lease, or {@code null} when another
	 * subscriber holds it
	 */
	@Nullable ShardLease acquire(String shardId, String subscriber, long now, long until) {
		UpdateItemRequest request = update(this.names.shard(shardId)).updateExpression("SET #o = :me, #u = :until")
			.conditionExpression("attribute_not_exists(#o) OR #u <= :now OR #o = :me")
			.expressionAttributeNames(Map.of("#o", OWNER, "#u", UNTIL))
			.expressionAttributeValues(
					Map.of(":me", AttributeValue.fromS(subscriber), ":until", number(until), ":now", number(now)))
			.returnValues(ReturnValue.ALL_NEW)
			.build();
		try {
			return leaseOf(shardId, this.runner.run(Operation.UPDATE_ITEM, request).attributes());
		}
		catch (StoreFailure ex) {
			if (conditionFailedItem(ex) == null) {
				throw ex;
			}
			return null;
		}
	}

	/**
	 * Extends a lease the subscriber holds.
	 * @param shardId the shard
	 * @param subscriber the subscriber id
	 * @param until the new end
	 * @param resting where the shard rests when it has no checkpoint yet (an iterator,
	 * valid 15 minutes), for the next holder, or {@code null}
	 * @return {@code false} when the subscriber no longer holds the shard
	 */
	boolean renew(String shardId, String subscriber, long until, @Nullable String resting) {
		if (resting == null) {
			return writeHeld(shardId, subscriber, "SET #u = :until", Map.of("#u", UNTIL),
					Map.of(":until", number(until))) == null;
		}
		return writeHeld(shardId, subscriber, "SET #u = :until, #i = :it", Map.of("#u", UNTIL, "#i", ITERATOR),
				Map.of(":until", number(until), ":it", AttributeValue.fromS(resting))) == null;
	}

	/**
	 * Records how far a shard was delivered.
	 * @param shardId the shard
	 * @param subscriber the subscriber id, which must hold it
	 * @param sequence the sequence number of the last record handled
	 * @return {@code false} when the subscriber no longer holds the shard
	 */
	boolean checkpoint(String shardId, String subscriber, String sequence) {
		return writeHeld(shardId, subscriber, "SET #s = :seq REMOVE #i", Map.of("#s", SEQUENCE, "#i", ITERATOR),
				Map.of(":seq", AttributeValue.fromS(sequence))) == null;
	}

	/**
	 * Records that a shard was read to its end, and frees it.
	 * @param shardId the shard
	 * @param subscriber the subscriber id, which must hold it
	 * @param sequence the sequence number of the last record handled, or {@code null}
	 * when there was none after the checkpoint
	 * @param now epoch milliseconds, recorded as when it ended
	 * @return {@code false} when the subscriber no longer held the shard (and it is not
	 * marked ended)
	 */
	boolean finish(String shardId, String subscriber, @Nullable String sequence, long now) {
		Map<String, String> names = new HashMap<>(Map.of("#e", ENDED, "#ea", ENDED_AT, "#u", UNTIL, "#i", ITERATOR));
		Map<String, AttributeValue> values = new HashMap<>(
				Map.of(":true", AttributeValue.fromBool(true), ":now", number(now)));
		String set = "SET #e = :true, #ea = :now";
		if (sequence != null) {
			names.put("#s", SEQUENCE);
			values.put(":seq", AttributeValue.fromS(sequence));
			set += ", #s = :seq";
		}
		Map<String, AttributeValue> current = writeHeld(shardId, subscriber, set + " REMOVE #o, #u, #i", names, values);
		// the SDK's resend of a finish that was applied meets the shard ended
		return current == null || leaseOf(shardId, current).ended();
	}

	/**
	 * Frees a shard the subscriber holds, its checkpoint kept. When the condition fails,
	 * the shard is another's, or this is the SDK's resend of a release that was applied:
	 * either way not the subscriber's.
	 * @param shardId the shard
	 * @param subscriber the subscriber id
	 * @param resting where the shard rests when it has no checkpoint yet, for the next
	 * holder, or {@code null}
	 */
	void release(String shardId, String subscriber, @Nullable String resting) {
		if (resting == null) {
			writeHeld(shardId, subscriber, "REMOVE #o, #u", Map.of("#u", UNTIL), Map.of());
		}
		else {
			writeHeld(shardId, subscriber, "SET #i = :it REMOVE #o, #u", Map.of("#u", UNTIL, "#i", ITERATOR),
					Map.of(":it", AttributeValue.fromS(resting)));
		}
	}

	/**
	 * Deletes the record of a shard gone from the stream, unless someone holds it.
	 * @param shardId the shard
	 * @param now epoch milliseconds
	 */
	void forget(String shardId, long now) {
		try {
			this.runner.run(Operation.DELETE_ITEM,
					DeleteItemRequest.builder()
						.tableName(this.layout.table())
						.key(key(this.names.shard(shardId)))
						.conditionExpression("attribute_not_exists(#o) OR #u <= :now")
						.expressionAttributeNames(Map.of("#o", OWNER, "#u", UNTIL))
						.expressionAttributeValues(Map.of(":now", number(now)))
						.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
						.build());
		}
		catch (StoreFailure ex) {
			if (conditionFailedItem(ex) == null) {
				throw ex;
			}
		}
	}

	/**
	 * A write of a shard's record that only its holder may make.
	 * @return {@code null} when written, else the current item that failed the condition
	 * (empty when there is none)
	 */
	private @Nullable Map<String, AttributeValue> writeHeld(String shardId, String subscriber, String update,
			Map<String, String> names, Map<String, AttributeValue> values) {
		Map<String, String> allNames = new HashMap<>(names);
		allNames.put("#o", OWNER);
		Map<String, AttributeValue> allValues = new HashMap<>(values);
		allValues.put(":me", AttributeValue.fromS(subscriber));
		UpdateItemRequest request = update(this.names.shard(shardId)).updateExpression(update)
			.conditionExpression("#o = :me")
			.expressionAttributeNames(allNames)
			.expressionAttributeValues(allValues)
			.build();
		try {
			this.runner.run(Operation.UPDATE_ITEM, request);
			return null;
		}
		catch (StoreFailure ex) {
			Map<String, AttributeValue> current = conditionFailedItem(ex);
			if (current == null) {
				throw ex;
			}
			return current;
		}
	}

	private UpdateItemRequest.Builder update(byte[] sortKey) {
		return UpdateItemRequest.builder()
			.tableName(this.layout.table())
			.key(key(sortKey))
			.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
	}

	private QueryRequest query(@Nullable Map<String, AttributeValue> start) {
		QueryRequest.Builder request = QueryRequest.builder()
			.tableName(this.layout.table())
			.keyConditionExpression("#h = :h AND begins_with(#k, :base)")
			.expressionAttributeNames(Map.of("#h", this.layout.names().hashKey(), "#k", this.layout.names().sortKey()))
			.expressionAttributeValues(Map.of(":h", AttributeValue.fromS(this.hashKey), ":base",
					AttributeValue.fromB(SdkBytes.fromByteArray(this.names.base()))))
			.consistentRead(true)
			.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
		if (start != null) {
			request.exclusiveStartKey(start);
		}
		return request.build();
	}

	private Map<String, AttributeValue> key(byte[] sortKey) {
		Map<String, AttributeValue> key = new HashMap<>(8);
		key.put(this.layout.names().hashKey(), AttributeValue.fromS(this.hashKey));
		key.put(this.layout.names().sortKey(), AttributeValue.fromB(SdkBytes.fromByteArray(sortKey)));
		return key;
	}

	private byte[] sortKeyOf(Map<String, AttributeValue> item) {
		AttributeValue sortKey = item.get(this.layout.names().sortKey());
		return (sortKey != null && sortKey.b() != null) ? sortKey.b().asByteArrayUnsafe() : new byte[0];
	}

	private boolean isConsumerRecord(byte[] sortKey) {
		return Arrays.equals(sortKey, this.names.consumerRecord());
	}

	/**
	 * The current item a failed condition handed back, or {@code null} when the failure
	 * is not a failed condition (an absent item comes back as an empty map).
	 */
	private static @Nullable Map<String, AttributeValue> conditionFailedItem(StoreFailure failure) {
		if (failure.getCause() instanceof ConditionalCheckFailedException condition) {
			return condition.hasItem() ? condition.item() : Map.of();
		}
		return null;
	}

	static ConsumerState consumerOf(Map<String, AttributeValue> item) {
		return new ConsumerState(stringOf(item, STREAM), StartPosition.valueOf(stringOf(item, START)),
				longOf(item, CREATED), setOf(item, OPEN_AT_START), setOf(item, CLOSED_AT_START));
	}

	static ShardLease leaseOf(String shardId, Map<String, AttributeValue> item) {
		AttributeValue owner = item.get(OWNER);
		AttributeValue sequence = item.get(SEQUENCE);
		AttributeValue ended = item.get(ENDED);
		AttributeValue iterator = item.get(ITERATOR);
		return new ShardLease(shardId, (owner != null) ? owner.s() : null, longOf(item, UNTIL),
				(sequence != null) ? sequence.s() : null, ended != null && Boolean.TRUE.equals(ended.bool()),
				(iterator != null) ? iterator.s() : null, longOf(item, ENDED_AT));
	}

	private static String stringOf(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return (value != null && value.s() != null) ? value.s() : "";
	}

	private static long longOf(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return (value != null && value.n() != null) ? Long.parseLong(value.n()) : 0;
	}

	private static Set<String> setOf(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return (value != null && value.hasSs()) ? Set.copyOf(value.ss()) : Set.of();
	}

	private static AttributeValue number(long value) {
		return AttributeValue.fromN(Long.toString(value));
	}

	/**
	 * Every record of a consumer, read together.
	 *
	 * @param consumer the consumer's record, or {@code null} when it has none
	 * @param members its memberships
	 * @param leases its shard records, by shard id
	 */
	record Snapshot(@Nullable ConsumerState consumer, List<Member> members, Map<String, ShardLease> leases) {

	}

}
