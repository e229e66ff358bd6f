/**
 * Iteration over key ranges: pages of one {@code Query} each, read ahead while the caller
 * consumes the current page.
 */
@NullMarked
package io.dynamodown.iterator;

import org.jspecify.annotations.NullMarked;
