/**
 * A small Spring MVC event log over an injected {@code LevelDb}.
 */
@NullMarked
package io.dynamodown.sample;

import org.jspecify.annotations.NullMarked;
