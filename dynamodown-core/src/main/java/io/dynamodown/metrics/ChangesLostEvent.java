package io.dynamodown.metrics;

/**
 * Changes a subscription could not deliver because DynamoDB Streams no longer holds them,
 * as reported to a {@link RequestListener} (and logged at WARN): the consumer's
 * checkpoint of a shard is older than the stream's 24-hour retention, a shard it had not
 * finished was trimmed away, or the table's stream was replaced. Delivery goes on from
 * the oldest change still held.
 *
 * @param table the table name
 * @param consumer the consumer name
 * @param shardId the shard whose changes were lost, or the old stream's ARN when the
 * stream was replaced
 * @param reason what was lost: after which sequence number, or since when
 */
public record ChangesLostEvent(String table, String consumer, String shardId, String reason) {

}
