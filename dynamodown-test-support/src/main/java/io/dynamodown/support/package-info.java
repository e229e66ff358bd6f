/**
 * Helpers that the tests of several modules share: a clock that tests move by hand and an
 * interceptor that holds the SDK's requests until a timeout ends them.
 */
@NullMarked
package io.dynamodown.support;

import org.jspecify.annotations.NullMarked;
