package io.dynamodown.metrics;

/**
 * Why a request is retried.
 */
public enum RetryReason {

	/** DynamoDB refused the attempt for throughput. */
	THROTTLED,

	/** DynamoDB failed the attempt with a server error (5xx). */
	SERVER_ERROR,

	/** The attempt got no answer: the connection failed or timed out. */
	IO_ERROR,

	/** The SDK's retry strategy retried another error it considers transient. */
	OTHER_ERROR,

	/** DynamoDB answered but left some items or keys of a batch unprocessed. */
	UNPROCESSED,

	/** DynamoDB cancelled a transaction because of a conflicting write. */
	TRANSACTION_CONFLICT

}
