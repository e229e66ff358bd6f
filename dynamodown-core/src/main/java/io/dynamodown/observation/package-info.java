/**
 * Micrometer Observation of store operations: the documented observation
 * {@code dynamodown.operation}, its context and its conventions. Used only when a store
 * is given an {@code ObservationRegistry}; Micrometer Observation is an optional
 * dependency.
 */
@NullMarked
package io.dynamodown.observation;

import org.jspecify.annotations.NullMarked;
