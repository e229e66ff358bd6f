/**
 * Micrometer metrics of the DynamoDB requests of a store, and their auto-configuration.
 */
@NullMarked
package io.dynamodown.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
