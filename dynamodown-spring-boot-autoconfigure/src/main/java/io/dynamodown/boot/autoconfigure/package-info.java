/**
 * Spring Boot auto-configuration for dynamodown: {@code dynamodown.*} properties, the
 * {@code DynamoDbClient} and the {@code LevelDb} beans, connection details, the hooks
 * that tune them, and the failure analyses of startup. Each further concern (cache,
 * embedded server, health, metrics) has a sub-package of its own.
 */
@NullMarked
package io.dynamodown.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
