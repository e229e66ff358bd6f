/**
 * The store's one internal entry point: operations of a view (its key prefix, keys,
 * values, times to live), with the limits, encoding, expiry and write planning they need,
 * handed to the storage on full keys.
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its API sub-packages.
 */
@NullMarked
package io.dynamodown.internal.store;

import org.jspecify.annotations.NullMarked;
