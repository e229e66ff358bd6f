/**
 * DynamoDB Streams: the change records of tables with a stream, their shards, sequence
 * numbers, retention and shard iterators, and the answers of the
 * {@code DynamoDBStreams_20120810} operations.
 */
@NullMarked
package io.dynamodown.server.internal.stream;

import org.jspecify.annotations.NullMarked;
