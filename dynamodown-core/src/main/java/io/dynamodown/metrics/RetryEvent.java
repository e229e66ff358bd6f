package io.dynamodown.metrics;

import java.time.Duration;

/**
 * A retry the store is about to make, as reported to a {@link RequestListener}.
 *
 * @param operation the DynamoDB operation being retried
 * @param table the table name
 * @param attempt the number of the attempt about to be made (2 for the first retry)
 * @param reason why the previous attempt is retried
 * @param delay the back-off waited before the attempt
 */
public record RetryEvent(String operation, String table, int attempt, RetryReason reason, Duration delay) {

}
