/**
 * Auto-configuration of the Micrometer meters of the stores' DynamoDB requests; the
 * meters themselves are recorded by {@link io.dynamodown.boot.micrometer}.
 */
@NullMarked
package io.dynamodown.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
