/**
 * Helpers that the tests of several modules share: a clock that tests move by hand, an
 * interceptor that holds the SDK's requests until a timeout ends them, and the reader of
 * package dependencies behind each module's architecture test.
 */
@NullMarked
package io.dynamodown.support;

import org.jspecify.annotations.NullMarked;
