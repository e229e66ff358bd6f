/**
 * A DynamoDB-compatible HTTP server in pure Java: DynamoDB's JSON protocol on
 * {@code 127.0.0.1}, in memory or on disk. Start one with
 * {@link io.dynamodown.server.DynamoDbServer#builder()}.
 */
@NullMarked
package io.dynamodown.server;

import org.jspecify.annotations.NullMarked;
