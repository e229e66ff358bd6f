package io.dynamodown.server.internal.stream;

import java.time.Duration;

/**
 * How a server lays out the shards of its streams: how many shards of a stream are open
 * at once (an item's records always go to the same one, by its partition key's place on
 * the hash ring) and how long a shard stays open before it is closed and a child shard
 * takes its place.
 *
 * @param openShards the number of shards of a stream open at once, 1 to
 * {@link #MAX_OPEN_SHARDS}
 * @param shardRollover how long a shard stays open, more than zero
 */
public record StreamOptions(int openShards, Duration shardRollover) {

	/** How long DynamoDB keeps a stream record: 24 hours. */
	public static final Duration RETENTION = Duration.ofHours(24);

	/** How long a shard iterator can be used after it was issued: 15 minutes. */
	public static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);

	/** The most shards of a stream that may be open at once. */
	public static final int MAX_OPEN_SHARDS = 1000;

	/** One open shard, closed after four hours: what DynamoDB's shards typically do. */
	public static final StreamOptions DEFAULT = new StreamOptions(1, Duration.ofHours(4));

}
