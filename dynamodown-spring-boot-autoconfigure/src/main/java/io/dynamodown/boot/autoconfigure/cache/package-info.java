/**
 * Auto-configuration of a Spring cache manager backed by the store.
 */
@NullMarked
package io.dynamodown.boot.autoconfigure.cache;

import org.jspecify.annotations.NullMarked;
