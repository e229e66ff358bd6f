/**
 * Batches of writes: collapsing repeated keys, the limits of an atomic batch,
 * request-sized chunks.
 */
@NullMarked
package io.dynamodown.batch;

import org.jspecify.annotations.NullMarked;
