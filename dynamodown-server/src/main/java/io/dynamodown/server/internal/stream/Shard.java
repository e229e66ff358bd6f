package io.dynamodown.server.internal.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One shard of a stream: its records in sequence number order, open until the stream
 * closes it. A shard's own sequence number range starts with a number reserved when it
 * was created and, once closed, ends with one reserved when it was closed, so that every
 * record of the shard lies strictly inside it. Not thread-safe: its stream guards it.
 */
final class Shard {

	/**
	 * Trimmed records leave the list in bulk, once there are this many and at least as
	 * many as records kept, so that trimming costs a constant time per record.
	 */
	private static final int COMPACT_AFTER = 64;

	private final String id;

	private final @Nullable String parentId;

	private final long startingSequenceNumber;

	private final Instant created;

	private final List<StreamRecord> records = new ArrayList<>();

	/** How many records at the start of the list are trimmed. */
	private int head;

	private long lastSequenceNumber;

	/** The highest sequence number of a trimmed record, or -1 when none was trimmed. */
	private long trimmedThrough = -1;

	private @Nullable Long endingSequenceNumber;

	private @Nullable Instant closed;

	/**
	 * Creates an open shard.
	 * @param id the shard id
	 * @param parentId the id of the shard it follows, or {@code null}
	 * @param startingSequenceNumber the number reserved for its start
	 * @param created when it was created
	 */
	Shard(String id, @Nullable String parentId, long startingSequenceNumber, Instant created) {
		this.id = id;
		this.parentId = parentId;
		this.startingSequenceNumber = startingSequenceNumber;
		this.created = created;
		this.lastSequenceNumber = startingSequenceNumber;
	}

	String id() {
		return this.id;
	}

	Instant created() {
		return this.created;
	}

	/**
	 * Returns when the shard's next record is due to be trimmed, or the shard itself to
	 * go, whichever comes first.
	 * @return the time, or {@code null} when nothing is due
	 */
	@Nullable Instant nextTrim() {
		Instant next = (this.head < this.records.size()) ? this.records.get(this.head).created() : this.closed;
		return (next != null) ? next.plus(StreamOptions.RETENTION) : null;
	}

	/**
	 * Returns the records kept, oldest first.
	 * @return the records (a live view)
	 */
	List<StreamRecord> records() {
		return this.records.subList(this.head, this.records.size());
	}

	/**
	 * Adds a record; its sequence number is larger than any this shard holds.
	 * @param record the record
	 */
	void append(StreamRecord record) {
		this.records.add(record);
		this.lastSequenceNumber = record.sequenceNumber();
	}

	/**
	 * Closes the shard: it takes no more records.
	 * @param endingSequenceNumber the number reserved for its end
	 * @param now the time
	 */
	void close(long endingSequenceNumber, Instant now) {
		this.endingSequenceNumber = endingSequenceNumber;
		this.closed = now;
	}

	/**
	 * Drops the records created at or before a time.
	 * @param cutoff the time
	 */
	void trim(Instant cutoff) {
		while (this.head < this.records.size() && !this.records.get(this.head).created().isAfter(cutoff)) {
			this.trimmedThrough = this.records.get(this.head).sequenceNumber();
			this.head++;
		}
		if (this.head >= COMPACT_AFTER && this.head * 2 >= this.records.size()) {
			this.records.subList(0, this.head).clear();
			this.head = 0;
		}
	}

	/**
	 * Returns whether the shard was closed at or before a time, so that every record it
	 * ever held is older than that time.
	 * @param cutoff the time
	 * @return whether it was closed by then
	 */
	boolean closedBy(Instant cutoff) {
		return this.closed != null && !this.closed.isAfter(cutoff);
	}

	/**
	 * Returns the position before the oldest record kept, where {@code TRIM_HORIZON}
	 * starts.
	 * @return the sequence number to read after
	 */
	long horizon() {
		return Math.max(this.startingSequenceNumber, this.trimmedThrough);
	}

	/**
	 * Returns the position after the newest record, where {@code LATEST} starts.
	 * @return the sequence number to read after
	 */
	long latest() {
		return (this.endingSequenceNumber != null) ? this.endingSequenceNumber : this.lastSequenceNumber;
	}

	/**
	 * Returns whether a sequence number lies in the shard's range: from its start to its
	 * end when closed, to its newest record while open.
	 * @param sequenceNumber the number
	 * @return whether it lies in the range
	 */
	boolean covers(long sequenceNumber) {
		return sequenceNumber >= this.startingSequenceNumber && sequenceNumber <= latest();
	}

	/**
	 * Returns whether a record after a position was trimmed, so that reading from there
	 * would skip it.
	 * @param after the position
	 * @return whether the records after it are no longer complete
	 */
	boolean trimmedAfter(long after) {
		return this.trimmedThrough > after;
	}

	/**
	 * Reads records after a position.
	 * @param after the position: the sequence number to read after
	 * @param limit the most records to return
	 * @param maxBytes the most bytes of records to return, past the first record
	 * @return the records, in order
	 */
	List<StreamRecord> read(long after, int limit, long maxBytes) {
		List<StreamRecord> page = new ArrayList<>();
		long bytes = 0;
		for (int i = firstAfter(after); i < this.records.size() && page.size() < limit; i++) {
			StreamRecord record = this.records.get(i);
			bytes += record.sizeBytes();
			if (!page.isEmpty() && bytes > maxBytes) {
				break;
			}
			page.add(record);
		}
		return page;
	}

	/**
	 * Returns whether a reader at a position has read everything this shard will ever
	 * hold: it is closed and no record lies after the position.
	 * @param after the position
	 * @return whether the shard is read to its end
	 */
	boolean readToEnd(long after) {
		return this.closed != null && firstAfter(after) == this.records.size();
	}

	private int firstAfter(long after) {
		int low = this.head;
		int high = this.records.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (this.records.get(middle).sequenceNumber() <= after) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/**
	 * Returns the shard as the data file keeps it, without its records.
	 * @return the JSON object
	 */
	Map<String, Object> toStoredJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", this.id);
		json.put("parentId", this.parentId);
		json.put("startingSequenceNumber", this.startingSequenceNumber);
		json.put("createdMillis", this.created.toEpochMilli());
		json.put("endingSequenceNumber", this.endingSequenceNumber);
		json.put("closedMillis", (this.closed != null) ? this.closed.toEpochMilli() : null);
		return json;
	}

	/**
	 * Reads a shard as the data file keeps it, without its records.
	 * @param json the JSON object of {@link #toStoredJson()}
	 * @return the shard
	 */
	static Shard fromStoredJson(Map<?, ?> json) {
		Shard shard = new Shard(StoredJson.string(json, "id"), (String) json.get("parentId"),
				StoredJson.number(json, "startingSequenceNumber"), StoredJson.time(json, "createdMillis"));
		shard.closeAsStored(json);
		return shard;
	}

	/**
	 * Closes the shard if the data file says it is closed.
	 * @param json the JSON object of {@link #toStoredJson()}
	 */
	void closeAsStored(Map<?, ?> json) {
		Instant closedAt = StoredJson.optionalTime(json, "closedMillis");
		if (this.closed == null && closedAt != null) {
			close(StoredJson.number(json, "endingSequenceNumber"), closedAt);
		}
	}

	/**
	 * Describes the shard as {@code DescribeStream} does.
	 * @return the {@code Shard} JSON object
	 */
	Map<String, Object> describe() {
		Map<String, Object> range = new LinkedHashMap<>();
		range.put("StartingSequenceNumber", SequenceNumbers.format(this.startingSequenceNumber));
		if (this.endingSequenceNumber != null) {
			range.put("EndingSequenceNumber", SequenceNumbers.format(this.endingSequenceNumber));
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("ShardId", this.id);
		json.put("SequenceNumberRange", range);
		if (this.parentId != null) {
			json.put("ParentShardId", this.parentId);
		}
		return json;
	}

}
