/**
 * Auto-configuration of the {@code dynamodown} health contributor; the indicator itself
 * is in {@link io.dynamodown.boot.health}.
 */
@NullMarked
package io.dynamodown.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
