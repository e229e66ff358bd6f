/**
 * How a store's keys and values map to DynamoDB items.
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its public sub-packages instead.
 */
@NullMarked
package io.dynamodown.internal.layout;

import org.jspecify.annotations.NullMarked;
