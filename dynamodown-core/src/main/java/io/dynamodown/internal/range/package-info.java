/**
 * Pure planning of a key range (sublevel prefix, bounds, seek target) into one range of
 * sort keys.
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its public sub-packages instead.
 */
@NullMarked
package io.dynamodown.internal.range;

import org.jspecify.annotations.NullMarked;
