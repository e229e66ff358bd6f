/**
 * Pure planning of conditions: the condition expressions of conditional writes and the
 * filter that hides expired items, each with the placeholders it uses.
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its public sub-packages instead.
 */
@NullMarked
package io.dynamodown.internal.condition;

import org.jspecify.annotations.NullMarked;
