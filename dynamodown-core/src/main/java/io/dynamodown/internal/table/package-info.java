/**
 * A table's lifecycle at open: create when missing, wait until active, check the key
 * schema.
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its public sub-packages instead.
 */
@NullMarked
package io.dynamodown.internal.table;

import org.jspecify.annotations.NullMarked;
