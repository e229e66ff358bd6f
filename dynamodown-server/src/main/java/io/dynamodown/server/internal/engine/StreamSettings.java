package io.dynamodown.server.internal.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.stream.ChangeStream;
import io.dynamodown.server.internal.stream.RecordedChange;
import io.dynamodown.server.internal.stream.StreamLog;

/**
 * A table's stream specification, its latest stream's label and ARN, as
 * {@code DescribeTable} shows them, and the stream its item changes are recorded in while
 * one is enabled.
 */
final class StreamSettings {

	private final String tableArn;

	private final String tableName;

	private final KeySchema keySchema;

	private boolean enabled;

	private @Nullable String viewType;

	private @Nullable String label;

	private @Nullable ChangeStream current;

	StreamSettings(String tableArn, String tableName, KeySchema keySchema) {
		this.tableArn = tableArn;
		this.tableName = tableName;
		this.keySchema = keySchema;
	}

	/**
	 * Applies a request's {@code StreamSpecification}; {@link #attach} then opens or
	 * closes the stream to match.
	 * @param specification the member, or {@code null}
	 */
	void apply(@Nullable Object specification) {
		if (!(specification instanceof Map)) {
			return;
		}
		Map<?, ?> map = (Map<?, ?>) specification;
		if (Boolean.TRUE.equals(map.get("StreamEnabled"))) {
			this.enabled = true;
			this.viewType = (String) map.get("StreamViewType");
		}
		else {
			this.enabled = false;
			this.viewType = null;
		}
	}

	/**
	 * Opens a new stream when the settings enable one and none is open (or takes up the
	 * one the data file kept), and disables the open one when they do not.
	 * @param streams the account's streams
	 * @param now the time of the request
	 * @param until when the change is done ({@code ENABLING} or {@code DISABLING} until
	 * then)
	 */
	void attach(StreamLog streams, Instant now, Instant until) {
		ChangeStream stream = this.current;
		if (this.enabled && stream == null && this.viewType != null) {
			stream = streams.enabledStream(this.tableArn);
			if (stream == null) {
				stream = streams.open(this.tableArn, this.tableName, this.keySchema.toJson(), this.viewType, now,
						until);
			}
			this.current = stream;
			this.label = stream.label();
		}
		else if (!this.enabled && stream != null) {
			detach(now, until);
		}
	}

	/**
	 * Disables the open stream, if any, leaving the settings as they are (for a table
	 * being deleted).
	 * @param now the time of the request
	 * @param until when the stream is {@code DISABLED} rather than {@code DISABLING}
	 */
	void detach(Instant now, Instant until) {
		ChangeStream stream = this.current;
		if (stream != null) {
			stream.disable(now, until);
			this.current = null;
		}
	}

	/**
	 * Records a change of an item in the open stream, if any. Called under the database's
	 * write lock, in the order the changes are applied.
	 * @param key the item's key
	 * @param oldItem the item before, or {@code null}
	 * @param newItem the item after, or {@code null}
	 * @param clock the clock that dates the change
	 * @param byTimeToLive whether time to live deleted the item
	 * @return the record, for the data file, or {@code null} if none was written
	 */
	@Nullable RecordedChange record(PrimaryKey key, @Nullable Map<String, AttributeValue> oldItem,
			@Nullable Map<String, AttributeValue> newItem, Clock clock, boolean byTimeToLive) {
		ChangeStream stream = this.current;
		if (stream == null) {
			return null;
		}
		return stream.record(key.token(), this.keySchema.keyAttributes(key), oldItem, newItem, clock.instant(),
				byTimeToLive);
	}

	boolean enabled() {
		return this.enabled;
	}

	@Nullable String viewType() {
		return this.viewType;
	}

	@Nullable String label() {
		return this.label;
	}

	/**
	 * Sets the latest stream's label, as a table's snapshot kept it.
	 * @param label the label, or {@code null} if the table never had a stream
	 */
	void label(@Nullable String label) {
		this.label = label;
	}

	/**
	 * Returns the ARN of the latest stream.
	 * @return the ARN, or {@code null} if the table never had a stream
	 */
	@Nullable String arn() {
		return (this.label != null) ? this.tableArn + "/stream/" + this.label : null;
	}

	void describe(Map<String, Object> table) {
		if (this.enabled) {
			Map<String, Object> specification = new LinkedHashMap<>();
			specification.put("StreamEnabled", true);
			specification.put("StreamViewType", this.viewType);
			table.put("StreamSpecification", specification);
		}
		if (this.label != null) {
			table.put("LatestStreamLabel", this.label);
			table.put("LatestStreamArn", arn());
		}
	}

}
