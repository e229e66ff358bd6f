/**
 * Connection details for a DynamoDB Local container started by Testcontainers.
 */
@NullMarked
package io.dynamodown.boot.testcontainers;

import org.jspecify.annotations.NullMarked;
