package io.dynamodown.benchmarks;

/**
 * What one workload measured: median times and, per side, requests and capacity of one
 * measured round.
 *
 * @param name the workload
 * @param ops what a round does
 * @param floor the fewest requests DynamoDB allows for a round
 * @param dynamodownNanos dynamodown's median round time
 * @param rawNanos the raw SDK's median round time
 * @param dynamodownRequests dynamodown's requests per round, from its request listener
 * @param rawRequests the raw SDK's requests per round, from an execution interceptor
 * @param dynamodownCapacity dynamodown's capacity units per round
 * @param rawCapacity the raw SDK's capacity units per round
 */
record Result(String name, String ops, long floor, long dynamodownNanos, long rawNanos, long dynamodownRequests,
		long rawRequests, double dynamodownCapacity, double rawCapacity) {

	/**
	 * dynamodown's time over the raw SDK's: below 1 means dynamodown was faster.
	 * @return the ratio
	 */
	double ratio() {
		return (double) this.dynamodownNanos / Math.max(1, this.rawNanos);
	}

}
