/**
 * The project's DynamoDB-compatible server ({@code dynamodown-server}) started
 * in-process, in memory or on disk, on a loopback port, for development, tests and
 * samples. Start one with {@link io.dynamodown.embedded.EmbeddedDynamoDb#start()} (any
 * credentials) or
 * {@link io.dynamodown.embedded.EmbeddedDynamoDb#startRequiringSignature(java.nio.file.Path)}
 * (only its own); JUnit 5 tests can use
 * {@link io.dynamodown.embedded.junit.EmbeddedDynamoDbTest} instead.
 */
@NullMarked
package io.dynamodown.embedded;

import org.jspecify.annotations.NullMarked;
