/**
 * Connection details for a DynamoDB Local container started by Testcontainers.
 */
@NullMarked
package io.dynamodown.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;
