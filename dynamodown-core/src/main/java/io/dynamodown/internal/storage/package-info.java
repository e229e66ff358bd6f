/**
 * The DynamoDB side of a store: request building, the one retry loop for work DynamoDB
 * left undone, bounded concurrency, and pages of decoded entries for iterators.
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its public sub-packages instead.
 */
@NullMarked
package io.dynamodown.internal.storage;

import org.jspecify.annotations.NullMarked;
