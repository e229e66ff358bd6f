/**
 * Running one DynamoDB request: deadlines, timing, the listener, consumed capacity and
 * error translation.
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its public sub-packages instead.
 */
@NullMarked
package io.dynamodown.internal.request;

import org.jspecify.annotations.NullMarked;
