/**
 * The one exception the internals throw, with the kind of failure; the public face turns
 * it into the store's public exception. Internal: not API, may change in any release.
 */
@NullMarked
package io.dynamodown.internal.failure;

import org.jspecify.annotations.NullMarked;
