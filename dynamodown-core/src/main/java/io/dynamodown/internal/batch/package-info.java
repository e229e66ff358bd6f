/**
 * Pure planning of batches of writes: collapsing repeated keys and the limits of an
 * atomic batch.
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its public sub-packages instead.
 */
@NullMarked
package io.dynamodown.internal.batch;

import org.jspecify.annotations.NullMarked;
