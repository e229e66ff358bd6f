package io.dynamodown.server.internal.stream;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record a stream added for one item change, to be kept in the data file with the
 * change itself, so that a change and its record are written (or lost in a crash) as one.
 */
public final class RecordedChange {

	private final String streamArn;

	private final String shardId;

	private final StreamRecord record;

	RecordedChange(String streamArn, String shardId, StreamRecord record) {
		this.streamArn = streamArn;
		this.shardId = shardId;
		this.record = record;
	}

	/**
	 * Returns the record as the data file keeps it, for
	 * {@link StreamLog#restoreRecord(Map)}.
	 * @return the JSON object
	 */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("streamArn", this.streamArn);
		json.put("shardId", this.shardId);
		json.put("record", this.record.toStoredJson());
		return json;
	}

}
