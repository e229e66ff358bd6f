/**
 * Retrying what DynamoDB left undone, with exponential back-off and full jitter.
 */
@NullMarked
package io.dynamodown.retry;

import org.jspecify.annotations.NullMarked;
