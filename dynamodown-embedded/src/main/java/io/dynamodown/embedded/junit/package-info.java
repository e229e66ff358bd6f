/**
 * JUnit Jupiter support: one {@link io.dynamodown.embedded.EmbeddedDynamoDb} per test
 * run, injected into tests with {@link io.dynamodown.embedded.junit.EmbeddedDynamoDbTest}
 * or {@link io.dynamodown.embedded.junit.EmbeddedDynamoDbExtension}, and a fresh
 * {@link io.dynamodown.embedded.junit.TestTable} name for every test.
 */
@NullMarked
package io.dynamodown.embedded.junit;

import org.jspecify.annotations.NullMarked;
