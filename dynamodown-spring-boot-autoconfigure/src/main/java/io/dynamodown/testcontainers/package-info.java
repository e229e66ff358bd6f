/**
 * Connection details for a DynamoDB Local container started by Testcontainers.
 */
@NullMarked
package io.dynamodown.testcontainers;

import org.jspecify.annotations.NullMarked;
