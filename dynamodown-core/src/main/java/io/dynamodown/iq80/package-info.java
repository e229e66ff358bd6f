/**
 * An {@code org.iq80.leveldb.DB} view of a store, for code written against the iq80
 * LevelDB API (optional dependency {@code org.iq80.leveldb:leveldb-api}).
 */
@NullMarked
package io.dynamodown.iq80;

import org.jspecify.annotations.NullMarked;
