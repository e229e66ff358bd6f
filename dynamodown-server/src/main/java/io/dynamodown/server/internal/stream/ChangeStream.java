package io.dynamodown.server.internal.stream;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * One stream of one table: from the request that enabled it until 24 hours after it was
 * disabled. Its records are spread over a fixed number of open shards by the place of
 * their partition key on the hash ring, so that the records of one item are in one shard
 * in the order of the changes; each open shard is closed after the rollover period and
 * followed by a child shard in the same place. Records and shards older than the
 * retention period are trimmed whenever the stream is used. Thread-safe: every method
 * holds the stream's own lock, so that reading a stream never waits for the writes of its
 * database.
 */
public final class ChangeStream {

	/** The most bytes of records one {@code GetRecords} answer carries: 1 MB. */
	private static final long MAX_PAGE_BYTES = 1024 * 1024;

	private static final int MAX_RECORDS = 1000;

	private static final int MAX_SHARDS = 100;

	private final StreamLog log;

	private final String arn;

	private final String label;

	private final String tableName;

	private final List<Object> keySchema;

	private final String viewType;

	private final Instant created;

	private final Map<String, Shard> shards = new LinkedHashMap<>();

	private final Shard[] open;

	private int shardsCreated;

	private boolean enabled = true;

	private Instant statusUntil;

	private @Nullable Instant disabled;

	ChangeStream(StreamLog log, String arn, String label, String tableName, List<Object> keySchema, String viewType,
			Instant created, Instant enabledAt) {
		this.log = log;
		this.arn = arn;
		this.label = label;
		this.tableName = tableName;
		this.keySchema = keySchema;
		this.viewType = viewType;
		this.created = created;
		this.statusUntil = enabledAt;
		this.open = new Shard[log.options().openShards()];
		for (int i = 0; i < this.open.length; i++) {
			this.open[i] = newShard(null, created);
		}
	}

	/**
	 * Returns the stream's ARN.
	 * @return the ARN: the table's, {@code /stream/} and the label
	 */
	public String arn() {
		return this.arn;
	}

	/**
	 * Returns the stream's label, the time of the request that enabled it.
	 * @return the label, such as {@code 2026-12-05T12:00:00.000}
	 */
	public String label() {
		return this.label;
	}

	String tableName() {
		return this.tableName;
	}

	/**
	 * Records a change of an item, unless it changed nothing: a put of an identical item,
	 * or a delete of an absent one, writes no record, as on DynamoDB.
	 * @param token the place of the item's partition key on the hash ring,
	 * {@code 0 .. 2^24 - 1}
	 * @param keys the item's key attributes
	 * @param oldItem the item before, or {@code null}
	 * @param newItem the item after, or {@code null}
	 * @param now the time of the change
	 * @param byTimeToLive whether time to live deleted the item
	 */
	public synchronized void record(long token, Map<String, AttributeValue> keys,
			@Nullable Map<String, AttributeValue> oldItem, @Nullable Map<String, AttributeValue> newItem, Instant now,
			boolean byTimeToLive) {
		if (!this.enabled || (oldItem == null && newItem == null) || (oldItem != null && oldItem.equals(newItem))) {
			return;
		}
		maintain(now);
		String eventName = (oldItem == null) ? "INSERT" : (newItem == null) ? "REMOVE" : "MODIFY";
		boolean newImage = this.viewType.equals("NEW_IMAGE") || this.viewType.equals("NEW_AND_OLD_IMAGES");
		boolean oldImage = this.viewType.equals("OLD_IMAGE") || this.viewType.equals("NEW_AND_OLD_IMAGES");
		StreamRecord record = StreamRecord.of(this.log.nextSequenceNumber(), eventId(), eventName, now, keys,
				newImage ? newItem : null, oldImage ? oldItem : null, byTimeToLive);
		this.open[(int) ((token * this.open.length) >>> 24)].append(record);
	}

	/**
	 * Disables the stream: its open shards are closed, its records stay readable for 24
	 * hours.
	 * @param now the time of the request
	 * @param disabledAt when the stream is {@code DISABLED} rather than {@code DISABLING}
	 */
	public synchronized void disable(Instant now, Instant disabledAt) {
		if (!this.enabled) {
			return;
		}
		maintain(now);
		for (Shard shard : this.open) {
			shard.close(this.log.nextSequenceNumber(), now);
		}
		this.enabled = false;
		this.disabled = now;
		this.statusUntil = disabledAt;
	}

	synchronized boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Returns whether the stream is gone: 24 hours after it was disabled.
	 * @param now the time
	 * @return whether it is gone
	 */
	synchronized boolean isGone(Instant now) {
		return this.disabled != null && !now.isBefore(this.disabled.plus(StreamOptions.RETENTION));
	}

	/**
	 * Returns the stream's status at a time.
	 * @param now the time
	 * @return {@code ENABLING}, {@code ENABLED}, {@code DISABLING} or {@code DISABLED}
	 */
	synchronized String status(Instant now) {
		boolean changing = now.isBefore(this.statusUntil);
		if (this.enabled) {
			return changing ? "ENABLING" : "ENABLED";
		}
		return changing ? "DISABLING" : "DISABLED";
	}

	/**
	 * Closes the shards whose time is up and trims what is past retention.
	 * @param now the time
	 */
	synchronized void maintain(Instant now) {
		if (this.enabled) {
			for (int i = 0; i < this.open.length; i++) {
				Shard shard = this.open[i];
				if (!now.isBefore(shard.created().plus(this.log.options().shardRollover()))) {
					shard.close(this.log.nextSequenceNumber(), now);
					this.open[i] = newShard(shard.id(), now);
				}
			}
		}
		Instant cutoff = now.minus(StreamOptions.RETENTION);
		this.shards.values().removeIf((shard) -> {
			shard.trim(cutoff);
			return shard.closedBy(cutoff);
		});
	}

	/**
	 * Answers {@code DescribeStream}.
	 * @param limit the most shards to describe
	 * @param exclusiveStartShardId the shard to start after, or {@code null}
	 * @param now the time
	 * @return the {@code StreamDescription} JSON object
	 */
	synchronized Map<String, Object> describe(int limit, @Nullable String exclusiveStartShardId, Instant now) {
		maintain(now);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("StreamArn", this.arn);
		json.put("StreamLabel", this.label);
		json.put("StreamStatus", status(now));
		json.put("StreamViewType", this.viewType);
		json.put("CreationRequestDateTime", BigDecimal.valueOf(this.created.toEpochMilli()).movePointLeft(3));
		json.put("TableName", this.tableName);
		json.put("KeySchema", this.keySchema);
		List<Object> page = new ArrayList<>();
		String last = null;
		boolean more = false;
		for (Shard shard : this.shards.values()) {
			// shard ids start with their creation time, so they sort as the shards were
			// created, also after the start shard itself was trimmed
			if (exclusiveStartShardId != null && shard.id().compareTo(exclusiveStartShardId) <= 0) {
				continue;
			}
			if (page.size() == Math.min(limit, MAX_SHARDS)) {
				more = true;
				break;
			}
			page.add(shard.describe());
			last = shard.id();
		}
		json.put("Shards", page);
		if (more) {
			json.put("LastEvaluatedShardId", last);
		}
		return json;
	}

	/**
	 * Answers {@code GetShardIterator}.
	 * @param shardId the shard
	 * @param type the iterator type
	 * @param sequenceNumber the sequence number of {@code AT_SEQUENCE_NUMBER} and
	 * {@code AFTER_SEQUENCE_NUMBER}
	 * @param now the time of issue
	 * @return the iterator
	 */
	synchronized String iterator(String shardId, String type, @Nullable String sequenceNumber, Instant now) {
		maintain(now);
		Shard shard = shard(shardId);
		long after;
		if ("TRIM_HORIZON".equals(type)) {
			after = shard.horizon();
		}
		else if ("LATEST".equals(type)) {
			after = shard.latest();
		}
		else {
			Long number = (sequenceNumber != null) ? SequenceNumbers.parse(sequenceNumber) : null;
			if (number == null || !shard.covers(number)) {
				throw StreamErrors.sequenceNumberNotInShard(String.valueOf(sequenceNumber), shardId);
			}
			after = "AT_SEQUENCE_NUMBER".equals(type) ? number - 1 : number;
			if (shard.trimmedAfter(after)) {
				throw StreamErrors.trimmed();
			}
		}
		return new ShardIterator(this.arn, shardId, after, now).encode();
	}

	/**
	 * Answers {@code GetRecords}.
	 * @param iterator the iterator, of this stream
	 * @param limit the most records to return
	 * @param now the time
	 * @return the answer: {@code Records} and, unless a closed shard was read to its end,
	 * {@code NextShardIterator}
	 */
	synchronized Map<String, Object> records(ShardIterator iterator, int limit, Instant now) {
		maintain(now);
		Shard shard = shard(iterator.shardId());
		if (shard.trimmedAfter(iterator.after())) {
			throw StreamErrors.trimmed();
		}
		List<StreamRecord> page = shard.read(iterator.after(), Math.min(limit, MAX_RECORDS), MAX_PAGE_BYTES);
		List<Object> records = new ArrayList<>(page.size());
		long after = iterator.after();
		for (StreamRecord record : page) {
			records.add(record.toJson(this.viewType));
			after = record.sequenceNumber();
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("Records", records);
		if (!shard.readToEnd(after)) {
			answer.put("NextShardIterator", new ShardIterator(this.arn, shard.id(), after, now).encode());
		}
		return answer;
	}

	private Shard shard(String shardId) {
		Shard shard = this.shards.get(shardId);
		if (shard == null) {
			throw StreamErrors.shardNotFound();
		}
		return shard;
	}

	private Shard newShard(@Nullable String parentId, Instant now) {
		String id = String.format("shardId-%020d-%08x", now.toEpochMilli(), this.shardsCreated++);
		Shard shard = new Shard(id, parentId, this.log.nextSequenceNumber(), now);
		this.shards.put(id, shard);
		return shard;
	}

	private static String eventId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return String.format("%016x%016x", random.nextLong(), random.nextLong());
	}

}
