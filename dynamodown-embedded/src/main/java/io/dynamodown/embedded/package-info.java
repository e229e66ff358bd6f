/**
 * DynamoDB Local started in-process, in memory, on a loopback port, for development,
 * tests and samples. Start one with
 * {@link io.dynamodown.embedded.EmbeddedDynamoDb#start()}; JUnit 5 tests can use
 * {@link io.dynamodown.embedded.junit.EmbeddedDynamoDbTest} instead.
 */
@NullMarked
package io.dynamodown.embedded;

import org.jspecify.annotations.NullMarked;
