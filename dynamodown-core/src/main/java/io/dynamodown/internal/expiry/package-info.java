/**
 * The store's notion of now for expiry, in DynamoDB's TTL unit (epoch seconds).
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its public sub-packages instead.
 */
@NullMarked
package io.dynamodown.internal.expiry;

import org.jspecify.annotations.NullMarked;
