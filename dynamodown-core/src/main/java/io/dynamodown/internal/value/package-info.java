/**
 * How a value is stored: compressed or as it is, inline in its key's item or in chunk
 * items named by a manifest. Pure: no I/O.
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its public sub-packages instead.
 */
@NullMarked
package io.dynamodown.internal.value;

import org.jspecify.annotations.NullMarked;
