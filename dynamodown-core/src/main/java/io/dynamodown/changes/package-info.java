/**
 * Options of the change feed ({@link io.dynamodown.LevelDb#subscribe}): where a new
 * consumer starts, how often shards are polled, how many changes one read takes, how long
 * a shard's lease lasts, and how a failing handler is retried.
 */
@NullMarked
package io.dynamodown.changes;

import org.jspecify.annotations.NullMarked;
