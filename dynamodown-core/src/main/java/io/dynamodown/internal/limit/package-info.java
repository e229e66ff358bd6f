/**
 * DynamoDB's limits as they apply to a store, checked before any request is sent.
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its public sub-packages instead.
 */
@NullMarked
package io.dynamodown.internal.limit;

import org.jspecify.annotations.NullMarked;
