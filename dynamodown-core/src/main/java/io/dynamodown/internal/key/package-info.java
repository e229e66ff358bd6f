/**
 * Keys as unsigned byte strings: LevelDB's order, which is also DynamoDB's order of
 * binary sort keys.
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its public sub-packages instead.
 */
@NullMarked
package io.dynamodown.internal.key;

import org.jspecify.annotations.NullMarked;
