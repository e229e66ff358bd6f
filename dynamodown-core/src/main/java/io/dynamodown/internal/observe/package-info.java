/**
 * Observing store operations without requiring Micrometer: the observer the face runs
 * every operation through, and the operation current on a thread that every DynamoDB
 * request adds itself to. Only {@link io.dynamodown.internal.observe.MicrometerObserver}
 * touches Micrometer classes, and it is created only when a registry is given.
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its API sub-packages.
 */
@NullMarked
package io.dynamodown.internal.observe;

import org.jspecify.annotations.NullMarked;
