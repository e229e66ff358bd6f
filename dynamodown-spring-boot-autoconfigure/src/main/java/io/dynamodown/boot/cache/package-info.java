/**
 * A Spring {@link org.springframework.cache.CacheManager} whose caches are sublevels of a
 * {@link io.dynamodown.LevelDb} store, usable without the auto-configuration.
 */
@NullMarked
package io.dynamodown.boot.cache;

import org.jspecify.annotations.NullMarked;
