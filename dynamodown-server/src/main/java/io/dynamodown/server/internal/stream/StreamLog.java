package io.dynamodown.server.internal.stream;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The streams of one account, enabled or disabled (until 24 hours after they were
 * disabled), with the sequence numbers they share, and the four operations of DynamoDB
 * Streams over them. Thread-safe.
 */
public final class StreamLog {

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

	private static final Pattern STREAM_ARN = Pattern
		.compile("arn:[^:]*:dynamodb:[^:]*:[^:]*:table/([^/]+)/stream/(.+)");

	private static final int MAX_STREAMS = 100;

	private static final Comparator<ChangeStream> ORDER = Comparator.comparing(ChangeStream::tableName)
		.thenComparing(ChangeStream::label);

	private final StreamOptions options;

	private final AtomicLong sequenceNumbers = new AtomicLong();

	private final Map<String, ChangeStream> streams = new ConcurrentHashMap<>();

	private volatile StreamJournal journal = StreamJournal.NONE;

	/**
	 * Creates an empty log.
	 * @param options how the streams lay out their shards
	 */
	public StreamLog(StreamOptions options) {
		this.options = options;
	}

	StreamOptions options() {
		return this.options;
	}

	StreamJournal journal() {
		return this.journal;
	}

	/**
	 * Changes where the streams record their changes (once the data file was replayed).
	 * @param journal the journal
	 */
	public void journal(StreamJournal journal) {
		this.journal = journal;
	}

	long nextSequenceNumber() {
		return this.sequenceNumbers.incrementAndGet();
	}

	/**
	 * Makes sure that the next sequence number is larger than one the data file kept.
	 * @param used a sequence number in use
	 */
	void advanceSequenceNumbers(long used) {
		this.sequenceNumbers.accumulateAndGet(used, Math::max);
	}

	/**
	 * Returns a table's enabled stream, as the data file kept it.
	 * @param tableArn the table's ARN
	 * @return the stream, or {@code null} if the table has none
	 */
	public @Nullable ChangeStream enabledStream(String tableArn) {
		for (ChangeStream stream : this.streams.values()) {
			if (stream.isEnabled() && stream.arn().startsWith(tableArn + "/stream/")) {
				return stream;
			}
		}
		return null;
	}

	/**
	 * Opens a new stream of a table. Its label is the time of the request, made later by
	 * a millisecond at a time while another stream of the table has it, so that every
	 * stream has an ARN of its own.
	 * @param tableArn the table's ARN
	 * @param tableName the table's name
	 * @param keySchema the table's key schema, as {@code DescribeStream} shows it
	 * @param viewType the view type
	 * @param now the time of the request
	 * @param enabledAt when the stream is {@code ENABLED} rather than {@code ENABLING}
	 * @return the stream
	 */
	public synchronized ChangeStream open(String tableArn, String tableName, List<Object> keySchema, String viewType,
			Instant now, Instant enabledAt) {
		Instant labelTime = now;
		String label = label(labelTime);
		while (this.streams.containsKey(tableArn + "/stream/" + label)) {
			labelTime = labelTime.plusMillis(1);
			label = label(labelTime);
		}
		ChangeStream stream = ChangeStream.open(this, tableArn + "/stream/" + label, label, tableName, keySchema,
				viewType, now, enabledAt);
		this.streams.put(stream.arn(), stream);
		return stream;
	}

	private static String label(Instant time) {
		return LocalDateTime.ofInstant(time, ZoneOffset.UTC).format(LABEL);
	}

	/**
	 * Answers {@code ListStreams}.
	 * @param tableName the table whose streams to list, or {@code null} for all
	 * @param tableExists whether that table exists
	 * @param limit the most streams to list
	 * @param exclusiveStartStreamArn the stream to start after, or {@code null}
	 * @param now the time
	 * @return the answer
	 */
	public Map<String, Object> listStreams(@Nullable String tableName, boolean tableExists, int limit,
			@Nullable String exclusiveStartStreamArn, Instant now) {
		List<ChangeStream> found = new ArrayList<>();
		for (ChangeStream stream : this.streams.values()) {
			if (!removedIfGone(stream, now) && (tableName == null || tableName.equals(stream.tableName()))) {
				found.add(stream);
			}
		}
		if (tableName != null && !tableExists && found.isEmpty()) {
			throw StreamErrors.tableNotFound(tableName);
		}
		found.sort(ORDER);
		String[] start = (exclusiveStartStreamArn != null) ? position(exclusiveStartStreamArn) : null;
		List<Object> page = new ArrayList<>();
		String last = null;
		boolean more = false;
		for (ChangeStream stream : found) {
			if (start != null && compare(stream, start) <= 0) {
				continue;
			}
			if (page.size() == Math.min(limit, MAX_STREAMS)) {
				more = true;
				break;
			}
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("StreamArn", stream.arn());
			json.put("TableName", stream.tableName());
			json.put("StreamLabel", stream.label());
			page.add(json);
			last = stream.arn();
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("Streams", page);
		if (more) {
			answer.put("LastEvaluatedStreamArn", last);
		}
		return answer;
	}

	/**
	 * Answers {@code DescribeStream}.
	 * @param streamArn the stream
	 * @param limit the most shards to describe
	 * @param exclusiveStartShardId the shard to start after, or {@code null}
	 * @param now the time
	 * @return the answer
	 */
	public Map<String, Object> describeStream(String streamArn, int limit, @Nullable String exclusiveStartShardId,
			Instant now) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("StreamDescription", stream(streamArn, now).describe(limit, exclusiveStartShardId, now));
		return answer;
	}

	/**
	 * Answers {@code GetShardIterator}.
	 * @param streamArn the stream
	 * @param shardId the shard
	 * @param type the iterator type
	 * @param sequenceNumber the sequence number of {@code AT_SEQUENCE_NUMBER} and
	 * {@code AFTER_SEQUENCE_NUMBER}
	 * @param now the time of issue
	 * @return the answer
	 */
	public Map<String, Object> getShardIterator(String streamArn, String shardId, String type,
			@Nullable String sequenceNumber, Instant now) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("ShardIterator", stream(streamArn, now).iterator(shardId, type, sequenceNumber, now));
		return answer;
	}

	/**
	 * Answers {@code GetRecords}.
	 * @param shardIterator the iterator
	 * @param limit the most records to return
	 * @param now the time
	 * @return the answer
	 */
	public Map<String, Object> getRecords(String shardIterator, int limit, Instant now) {
		ShardIterator iterator = ShardIterator.decode(shardIterator);
		if (iterator == null) {
			throw StreamErrors.invalidIterator();
		}
		if (iterator.expired(now)) {
			throw StreamErrors.expiredIterator();
		}
		return stream(iterator.streamArn(), now).records(iterator, limit, now);
	}

	/**
	 * Closes shards whose time is up and drops what is past retention, in every stream.
	 * @param now the time
	 */
	public void maintain(Instant now) {
		for (ChangeStream stream : this.streams.values()) {
			if (!removedIfGone(stream, now)) {
				stream.maintain(now);
			}
		}
	}

	/**
	 * Restores a stream's state as the data file kept it: a new stream, or a later state
	 * of a known one.
	 * @param state the state a {@link StreamJournal} was given
	 */
	public void restore(Map<?, ?> state) {
		ChangeStream stream = this.streams.get(StoredJson.string(state, "arn"));
		if (stream != null) {
			stream.restore(state);
		}
		else {
			stream = ChangeStream.fromStoredJson(this, state);
			this.streams.put(stream.arn(), stream);
		}
	}

	/**
	 * Restores a record as the data file kept it.
	 * @param change the JSON object of {@link RecordedChange#toJson()}
	 */
	public void restoreRecord(Map<?, ?> change) {
		ChangeStream stream = this.streams.get(StoredJson.string(change, "streamArn"));
		if (stream != null) {
			stream.restoreRecord(StoredJson.string(change, "shardId"), StoredJson.object(change, "record"));
		}
	}

	/**
	 * Hands every stream's state and record to a journal, for a snapshot of the data:
	 * replayed in this order, they restore the streams.
	 * @param journal receives each stream's state
	 * @param records receives each record, as {@link RecordedChange#toJson()} writes it
	 */
	public void snapshot(StreamJournal journal, Consumer<Map<String, Object>> records) {
		for (ChangeStream stream : this.streams.values()) {
			stream.snapshot(journal, records);
		}
	}

	private ChangeStream stream(String streamArn, Instant now) {
		ChangeStream stream = this.streams.get(streamArn);
		if (stream == null || removedIfGone(stream, now)) {
			throw StreamErrors.streamNotFound(streamArn);
		}
		return stream;
	}

	private boolean removedIfGone(ChangeStream stream, Instant now) {
		if (stream.isGone(now)) {
			this.streams.remove(stream.arn(), stream);
			return true;
		}
		return false;
	}

	private static String[] position(String streamArn) {
		Matcher matcher = STREAM_ARN.matcher(streamArn);
		if (!matcher.matches()) {
			throw StreamErrors.streamNotFound(streamArn);
		}
		return new String[] { matcher.group(1), matcher.group(2) };
	}

	private static int compare(ChangeStream stream, String[] position) {
		int order = stream.tableName().compareTo(position[0]);
		return (order != 0) ? order : stream.label().compareTo(position[1]);
	}

}
