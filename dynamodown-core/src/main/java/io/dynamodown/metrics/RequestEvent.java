package io.dynamodown.metrics;

import java.time.Duration;

/**
 * One DynamoDB request made by a store, as reported to a {@link RequestListener}.
 *
 * @param operation the DynamoDB operation name, such as {@code PutItem} or {@code Query}
 * @param table the table name
 * @param readCapacity read capacity units consumed, as DynamoDB reported them
 * @param writeCapacity write capacity units consumed, as DynamoDB reported them
 * @param duration how long the call took, SDK retries included
 * @param outcome how the call ended
 * @param unprocessed items or keys DynamoDB left unprocessed in its answer (batch
 * operations)
 */
public record RequestEvent(String operation, String table, double readCapacity, double writeCapacity, Duration duration,
		RequestOutcome outcome, int unprocessed) {

}
