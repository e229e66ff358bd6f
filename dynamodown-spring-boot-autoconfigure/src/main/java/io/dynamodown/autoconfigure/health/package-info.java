/**
 * The dynamodown health indicator and its auto-configuration.
 */
@NullMarked
package io.dynamodown.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
