package io.dynamodown.metrics;

/**
 * How a DynamoDB request ended.
 */
public enum RequestOutcome {

	/** DynamoDB answered with success (possibly with unprocessed items). */
	SUCCESS,

	/** DynamoDB refused the request for throughput: throttled. */
	THROTTLED,

	/**
	 * DynamoDB refused the request as invalid or conditional failure (4xx other than
	 * throttling).
	 */
	CLIENT_ERROR,

	/** DynamoDB failed with a server error (5xx). */
	SERVER_ERROR,

	/** No answer came: the connection failed or the socket timed out. */
	IO_ERROR,

	/**
	 * No answer came within the store's attempt timeout (on every attempt) or its total
	 * timeout.
	 */
	TIMEOUT,

	/**
	 * A conditional write whose condition did not hold, so nothing was written: an answer
	 * of its own, not an error.
	 */
	CONDITION_FAILED

}
