package io.dynamodown.changes;

/**
 * Where a consumer that has never run starts reading the table's stream. A consumer that
 * has run resumes from its checkpoints, whatever this says.
 */
public enum StartPosition {

	/**
	 * From now: changes made after the first subscribe of the consumer name. The shards
	 * open at that moment are read from their newest record on; shards that appear later
	 * are read whole.
	 */
	LATEST,

	/**
	 * From the oldest change the stream still holds (DynamoDB keeps 24 hours).
	 */
	TRIM_HORIZON

}
