/**
 * Auto-configuration of the change feed: subscribes the
 * {@link io.dynamodown.boot.changes.LevelDbChangeListener} beans.
 */
@NullMarked
package io.dynamodown.boot.autoconfigure.changes;

import org.jspecify.annotations.NullMarked;
