/**
 * Codecs between Java types and the store's bytes, and typed views of a store through
 * them.
 */
@NullMarked
package io.dynamodown.codec;

import org.jspecify.annotations.NullMarked;
