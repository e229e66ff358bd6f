/**
 * The change feed of a {@link io.dynamodown.LevelDb} store in a Spring application:
 * {@link io.dynamodown.boot.changes.LevelDbChangeListener} beans that the starter
 * subscribes, and decorators around their calls (metrics, observation).
 */
@NullMarked
package io.dynamodown.boot.changes;

import org.jspecify.annotations.NullMarked;
