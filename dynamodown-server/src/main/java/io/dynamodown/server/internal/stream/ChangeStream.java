package io.dynamodown.server.internal.stream;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * One stream of one table: from the request that enabled it until 24 hours after it was
 * disabled. Its records are spread over a fixed number of open shards by the place of
 * their partition key on the hash ring, so that the records of one item are in one shard
 * in the order of the changes; each open shard is closed after the rollover period and
 * followed by a child shard in the same place. Records and shards older than the
 * retention period are trimmed when the stream is next used after they are due (and by
 * the server's sweep every second). Thread-safe: every method holds the stream's own
 * lock, so that reading a stream never waits for the writes of its database.
 */
public final class ChangeStream {

	/** The most bytes of records one {@code GetRecords} answer carries: 1 MB. */
	private static final long MAX_PAGE_BYTES = 1024 * 1024;

	private static final int MAX_RECORDS = 1000;

	private static final int MAX_SHARDS = 100;

	private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

	private final StreamLog log;

	private final String arn;

	private final String label;

	private final String tableName;

	private final List<Object> keySchema;

	private final String viewType;

	private final Instant created;

	/** The shards kept, in the order they were created. */
	private Map<String, Shard> shards = new LinkedHashMap<>();

	/** The open shards, one per place on the hash ring; empty once disabled. */
	private Shard[] open;

	private int shardsCreated;

	private boolean enabled = true;

	private Instant statusUntil;

	private @Nullable Instant disabled;

	/** When a shard is next due to roll over or something to be trimmed. */
	private @Nullable Instant nextMaintenance;

	private ChangeStream(StreamLog log, String arn, String label, String tableName, List<Object> keySchema,
			String viewType, Instant created, Instant statusUntil) {
		this.log = log;
		this.arn = arn;
		this.label = label;
		this.tableName = tableName;
		this.keySchema = keySchema;
		this.viewType = viewType;
		this.created = created;
		this.statusUntil = statusUntil;
		this.open = new Shard[0];
	}

	/**
	 * Opens a new stream with its first shards.
	 * @param log the account's streams
	 * @param arn the stream's ARN
	 * @param label the stream's label
	 * @param tableName the table's name
	 * @param keySchema the table's key schema, as {@code DescribeStream} shows it
	 * @param viewType the view type
	 * @param created the time of the request that enabled the stream
	 * @param enabledAt when the stream is {@code ENABLED} rather than {@code ENABLING}
	 * @return the stream
	 */
	static ChangeStream open(StreamLog log, String arn, String label, String tableName, List<Object> keySchema,
			String viewType, Instant created, Instant enabledAt) {
		ChangeStream stream = new ChangeStream(log, arn, label, tableName, keySchema, viewType, created, enabledAt);
		synchronized (stream) {
			stream.open = new Shard[log.options().openShards()];
			for (int i = 0; i < stream.open.length; i++) {
				stream.open[i] = stream.newShard(null, created);
			}
			stream.scheduleMaintenance();
			log.journal().streamChanged(stream.toStoredJson());
		}
		return stream;
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
	 * @return the record, for the data file, or {@code null} if none was written
	 */
	public synchronized @Nullable RecordedChange record(long token, Map<String, AttributeValue> keys,
			@Nullable Map<String, AttributeValue> oldItem, @Nullable Map<String, AttributeValue> newItem, Instant now,
			boolean byTimeToLive) {
		if (!this.enabled || (oldItem == null && newItem == null) || (oldItem != null && oldItem.equals(newItem))) {
			return null;
		}
		maintain(now);
		String eventName = (oldItem == null) ? "INSERT" : (newItem == null) ? "REMOVE" : "MODIFY";
		boolean newImage = this.viewType.equals("NEW_IMAGE") || this.viewType.equals("NEW_AND_OLD_IMAGES");
		boolean oldImage = this.viewType.equals("OLD_IMAGE") || this.viewType.equals("NEW_AND_OLD_IMAGES");
		StreamRecord record = StreamRecord.of(this.log.nextSequenceNumber(), eventId(), eventName, now, keys,
				newImage ? newItem : null, oldImage ? oldItem : null, byTimeToLive);
		Shard shard = this.open[(int) ((token * this.open.length) >>> 24)];
		shard.append(record);
		this.nextMaintenance = earlier(this.nextMaintenance, now.plus(StreamOptions.RETENTION));
		return new RecordedChange(this.arn, shard.id(), record);
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
		this.open = new Shard[0];
		this.enabled = false;
		this.disabled = now;
		this.statusUntil = disabledAt;
		scheduleMaintenance();
		this.log.journal().streamChanged(toStoredJson());
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

	private String status(Instant now) {
		boolean changing = now.isBefore(this.statusUntil);
		if (this.enabled) {
			return changing ? "ENABLING" : "ENABLED";
		}
		return changing ? "DISABLING" : "DISABLED";
	}

	/**
	 * Closes the shards whose time is up and trims what is past retention, if anything is
	 * due; otherwise returns at once.
	 * @param now the time
	 */
	synchronized void maintain(Instant now) {
		if (this.nextMaintenance == null || now.isBefore(this.nextMaintenance)) {
			return;
		}
		boolean rolled = false;
		for (int i = 0; i < this.open.length; i++) {
			Shard shard = this.open[i];
			if (!now.isBefore(shard.created().plus(this.log.options().shardRollover()))) {
				shard.close(this.log.nextSequenceNumber(), now);
				this.open[i] = newShard(shard.id(), now);
				rolled = true;
			}
		}
		Instant cutoff = now.minus(StreamOptions.RETENTION);
		this.shards.values().removeIf((shard) -> {
			shard.trim(cutoff);
			return shard.closedBy(cutoff);
		});
		scheduleMaintenance();
		if (rolled) {
			this.log.journal().streamChanged(toStoredJson());
		}
	}

	private void scheduleMaintenance() {
		Instant next = null;
		for (Shard shard : this.open) {
			next = earlier(next, shard.created().plus(this.log.options().shardRollover()));
		}
		for (Shard shard : this.shards.values()) {
			next = earlier(next, shard.nextTrim());
		}
		this.nextMaintenance = next;
	}

	private static @Nullable Instant earlier(@Nullable Instant one, @Nullable Instant other) {
		return (one == null || (other != null && other.isBefore(one))) ? other : one;
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

	/**
	 * A random identifier of 32 hexadecimal digits, written by hand: a formatter costs
	 * about as much as the rest of recording.
	 */
	private static String eventId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = random.nextLong();
		long low = random.nextLong();
		char[] digits = new char[32];
		for (int i = 0; i < 16; i++) {
			digits[15 - i] = HEX_DIGITS[(int) (high >>> (4 * i)) & 0xF];
			digits[31 - i] = HEX_DIGITS[(int) (low >>> (4 * i)) & 0xF];
		}
		return new String(digits);
	}

	/**
	 * Returns the stream's state as the data file keeps it: everything but the records.
	 * @return the JSON object
	 */
	synchronized Map<String, Object> toStoredJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("arn", this.arn);
		json.put("label", this.label);
		json.put("tableName", this.tableName);
		json.put("keySchema", this.keySchema);
		json.put("viewType", this.viewType);
		json.put("createdMillis", this.created.toEpochMilli());
		json.put("statusUntilMillis", this.statusUntil.toEpochMilli());
		json.put("disabledMillis", (this.disabled != null) ? this.disabled.toEpochMilli() : null);
		json.put("shardsCreated", this.shardsCreated);
		List<Object> shards = new ArrayList<>();
		this.shards.values().forEach((shard) -> shards.add(shard.toStoredJson()));
		json.put("shards", shards);
		List<Object> open = new ArrayList<>();
		for (Shard shard : this.open) {
			open.add(shard.id());
		}
		json.put("openShards", open);
		return json;
	}

	/**
	 * Creates a stream from its state as the data file keeps it.
	 * @param log the account's streams
	 * @param state the JSON object of {@link #toStoredJson()}
	 * @return the stream, without records
	 */
	@SuppressWarnings("unchecked")
	static ChangeStream fromStoredJson(StreamLog log, Map<?, ?> state) {
		ChangeStream stream = new ChangeStream(log, StoredJson.string(state, "arn"), StoredJson.string(state, "label"),
				StoredJson.string(state, "tableName"), (List<Object>) StoredJson.list(state, "keySchema"),
				StoredJson.string(state, "viewType"), StoredJson.time(state, "createdMillis"),
				StoredJson.time(state, "statusUntilMillis"));
		stream.restore(state);
		return stream;
	}

	/**
	 * Brings the stream to a later state the data file kept, keeping the records of the
	 * shards it still has.
	 * @param state the JSON object of {@link #toStoredJson()}
	 */
	synchronized void restore(Map<?, ?> state) {
		this.statusUntil = StoredJson.time(state, "statusUntilMillis");
		this.disabled = StoredJson.optionalTime(state, "disabledMillis");
		this.enabled = this.disabled == null;
		this.shardsCreated = (int) StoredJson.number(state, "shardsCreated");
		Map<String, Shard> restored = new LinkedHashMap<>();
		for (Object element : StoredJson.list(state, "shards")) {
			Map<?, ?> json = (Map<?, ?>) element;
			Shard shard = this.shards.get(StoredJson.string(json, "id"));
			if (shard != null) {
				shard.closeAsStored(json);
			}
			else {
				shard = Shard.fromStoredJson(json);
			}
			this.log.advanceSequenceNumbers(shard.latest());
			restored.put(shard.id(), shard);
		}
		this.shards = restored;
		List<?> open = StoredJson.list(state, "openShards");
		this.open = new Shard[open.size()];
		for (int i = 0; i < this.open.length; i++) {
			Shard shard = restored.get((String) open.get(i));
			if (shard == null) {
				throw new IllegalStateException("The open shard " + open.get(i) + " of " + this.arn + " is not kept");
			}
			this.open[i] = shard;
		}
		scheduleMaintenance();
	}

	/**
	 * Adds a record the data file kept to its shard, unless the shard is no longer kept.
	 * @param shardId the shard
	 * @param record the JSON object of {@link StreamRecord#toStoredJson()}
	 */
	synchronized void restoreRecord(String shardId, Map<?, ?> record) {
		Shard shard = this.shards.get(shardId);
		if (shard != null) {
			StreamRecord restored = StreamRecord.fromStoredJson(record);
			shard.append(restored);
			this.log.advanceSequenceNumbers(restored.sequenceNumber());
			this.nextMaintenance = earlier(this.nextMaintenance, restored.created().plus(StreamOptions.RETENTION));
		}
	}

	/**
	 * Hands the stream's state and every record it keeps to a journal, for a snapshot of
	 * the data.
	 * @param journal receives the state
	 * @param records receives each record, as {@link RecordedChange#toJson()} writes it
	 */
	synchronized void snapshot(StreamJournal journal, Consumer<Map<String, Object>> records) {
		journal.streamChanged(toStoredJson());
		for (Shard shard : this.shards.values()) {
			for (StreamRecord record : shard.records()) {
				records.accept(new RecordedChange(this.arn, shard.id(), record).toJson());
			}
		}
	}

}
