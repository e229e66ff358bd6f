/**
 * Actuator health of a {@link io.dynamodown.LevelDb} store's table, usable without the
 * auto-configuration.
 */
@NullMarked
package io.dynamodown.boot.health;

import org.jspecify.annotations.NullMarked;
