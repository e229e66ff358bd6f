/**
 * Observing the DynamoDB requests of a store: a listener notified of each request and
 * retry.
 */
@NullMarked
package io.dynamodown.metrics;

import org.jspecify.annotations.NullMarked;
