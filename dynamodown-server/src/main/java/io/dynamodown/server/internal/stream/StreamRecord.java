package io.dynamodown.server.internal.stream;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;

/**
 * One change of one item, as a stream keeps it: what {@code GetRecords} returns as a
 * {@code Record}. The images are kept as the stream's view type asks, nothing more.
 *
 * @param sequenceNumber the record's sequence number
 * @param eventId a unique identifier of the record
 * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param created when the change was made, by the server's clock
 * @param keys the item's key attributes
 * @param newImage the item after the change, or {@code null}
 * @param oldImage the item before the change, or {@code null}
 * @param byTimeToLive whether time to live deleted the item
 * @param sizeBytes the size of the record, as {@code SizeBytes} reports it
 */
record StreamRecord(long sequenceNumber, String eventId, String eventName, Instant created,
		Map<String, AttributeValue> keys, @Nullable Map<String, AttributeValue> newImage,
		@Nullable Map<String, AttributeValue> oldImage, boolean byTimeToLive, long sizeBytes) {

	/** The region every ARN of this server names. */
	static final String REGION = "us-east-1";

	/** The version of the record format DynamoDB Streams writes today. */
	static final String EVENT_VERSION = "1.1";

	/**
	 * Creates a record whose size is that of its keys and images, counted as items are.
	 * @param sequenceNumber the record's sequence number
	 * @param eventId a unique identifier of the record
	 * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
	 * @param created when the change was made
	 * @param keys the item's key attributes
	 * @param newImage the item after the change, or {@code null}
	 * @param oldImage the item before the change, or {@code null}
	 * @param byTimeToLive whether time to live deleted the item
	 * @return the record
	 */
	static StreamRecord of(long sequenceNumber, String eventId, String eventName, Instant created,
			Map<String, AttributeValue> keys, @Nullable Map<String, AttributeValue> newImage,
			@Nullable Map<String, AttributeValue> oldImage, boolean byTimeToLive) {
		long size = ItemSize.of(keys);
		if (newImage != null) {
			size += ItemSize.of(newImage);
		}
		if (oldImage != null) {
			size += ItemSize.of(oldImage);
		}
		return new StreamRecord(sequenceNumber, eventId, eventName, created, keys, newImage, oldImage, byTimeToLive,
				Math.max(size, 1));
	}

	/**
	 * Returns the record as the data file keeps it.
	 * @return the JSON object
	 */
	Map<String, Object> toStoredJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("sequenceNumber", this.sequenceNumber);
		json.put("eventId", this.eventId);
		json.put("eventName", this.eventName);
		json.put("createdMillis", this.created.toEpochMilli());
		json.put("keys", AttributeValue.mapToJson(this.keys));
		if (this.newImage != null) {
			json.put("newImage", AttributeValue.mapToJson(this.newImage));
		}
		if (this.oldImage != null) {
			json.put("oldImage", AttributeValue.mapToJson(this.oldImage));
		}
		json.put("byTimeToLive", this.byTimeToLive);
		return json;
	}

	/**
	 * Reads a record as the data file keeps it.
	 * @param json the JSON object of {@link #toStoredJson()}
	 * @return the record
	 */
	static StreamRecord fromStoredJson(Map<?, ?> json) {
		Object newImage = json.get("newImage");
		Object oldImage = json.get("oldImage");
		return of(StoredJson.number(json, "sequenceNumber"), StoredJson.string(json, "eventId"),
				StoredJson.string(json, "eventName"), StoredJson.time(json, "createdMillis"),
				AttributeValue.mapFromJson(StoredJson.value(json, "keys")),
				(newImage != null) ? AttributeValue.mapFromJson(newImage) : null,
				(oldImage != null) ? AttributeValue.mapFromJson(oldImage) : null,
				Boolean.TRUE.equals(json.get("byTimeToLive")));
	}

	/**
	 * Returns the record as {@code GetRecords} returns it.
	 * @param viewType the stream's view type
	 * @return the {@code Record} JSON object
	 */
	Map<String, Object> toJson(String viewType) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("eventID", this.eventId);
		json.put("eventName", this.eventName);
		json.put("eventVersion", EVENT_VERSION);
		json.put("eventSource", "aws:dynamodb");
		json.put("awsRegion", REGION);
		Map<String, Object> dynamodb = new LinkedHashMap<>();
		dynamodb.put("ApproximateCreationDateTime", this.created.getEpochSecond());
		dynamodb.put("Keys", AttributeValue.mapToJson(this.keys));
		if (this.newImage != null) {
			dynamodb.put("NewImage", AttributeValue.mapToJson(this.newImage));
		}
		if (this.oldImage != null) {
			dynamodb.put("OldImage", AttributeValue.mapToJson(this.oldImage));
		}
		dynamodb.put("SequenceNumber", SequenceNumbers.format(this.sequenceNumber));
		dynamodb.put("SizeBytes", this.sizeBytes);
		dynamodb.put("StreamViewType", viewType);
		json.put("dynamodb", dynamodb);
		if (this.byTimeToLive) {
			Map<String, Object> identity = new LinkedHashMap<>();
			identity.put("PrincipalId", "dynamodb.amazonaws.com");
			identity.put("Type", "Service");
			json.put("userIdentity", identity);
		}
		return json;
	}

}
