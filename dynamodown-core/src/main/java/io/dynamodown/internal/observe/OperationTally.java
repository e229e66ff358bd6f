package io.dynamodown.internal.observe;

/**
 * What an observed operation counts while it runs.
 */
public interface OperationTally {

	/**
	 * Adds one DynamoDB request sent for the operation.
	 * @param read the read capacity units it consumed
	 * @param write the write capacity units it consumed
	 */
	void addRequest(double read, double write);

	/**
	 * Adds keys read or written once known.
	 * @param count how many
	 */
	void addItems(long count);

}
