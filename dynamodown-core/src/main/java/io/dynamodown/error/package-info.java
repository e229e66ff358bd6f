/**
 * The failures of a store: one unchecked exception family whose
 * {@link io.dynamodown.error.ErrorCode} tells the kind of failure.
 */
@NullMarked
package io.dynamodown.error;

import org.jspecify.annotations.NullMarked;
