/**
 * Micrometer meters for the DynamoDB requests of a store and for its caches, usable
 * without the auto-configuration.
 */
@NullMarked
package io.dynamodown.boot.micrometer;

import org.jspecify.annotations.NullMarked;
