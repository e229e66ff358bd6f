/**
 * Auto-configuration of the project's DynamoDB-compatible server, started in-process when
 * {@code dynamodown.embedded.enabled=true}.
 */
@NullMarked
package io.dynamodown.boot.autoconfigure.embedded;

import org.jspecify.annotations.NullMarked;
