/**
 * Actuator health of a {@link io.dynamodown.LevelDb} store's table, usable without the
 * auto-configuration.
 */
@NullMarked
package io.dynamodown.health;

import org.jspecify.annotations.NullMarked;
