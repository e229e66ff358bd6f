/**
 * DynamoDB's limits, checked before any request is sent.
 */
@NullMarked
package io.dynamodown.limit;

import org.jspecify.annotations.NullMarked;
