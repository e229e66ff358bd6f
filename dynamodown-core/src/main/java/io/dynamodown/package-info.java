/**
 * dynamodown: a LevelDB-style ordered key-value store whose storage is Amazon DynamoDB.
 * Start with {@link io.dynamodown.LevelDb#builder}.
 */
@NullMarked
package io.dynamodown;

import org.jspecify.annotations.NullMarked;
