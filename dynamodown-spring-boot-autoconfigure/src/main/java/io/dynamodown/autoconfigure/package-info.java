/**
 * Spring Boot auto-configuration for dynamodown: {@code dynamodown.*} properties, the
 * {@code DynamoDbClient} and the {@code LevelDb} bean, connection details and the
 * embedded DynamoDB-compatible server.
 */
@NullMarked
package io.dynamodown.autoconfigure;

import org.jspecify.annotations.NullMarked;
