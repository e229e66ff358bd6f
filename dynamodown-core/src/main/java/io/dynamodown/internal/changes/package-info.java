/**
 * The change feed: DynamoDB Streams records of one database decoded into changes, read
 * shard by shard (parents before children) by subscribers that share the shards of a
 * consumer name through leases, and checkpointed, all in the table itself under the
 * database's own records (format byte {@code 0x02}).
 * <p>
 * Internal: not API, may change in any release; use the types of {@code io.dynamodown}
 * and its public sub-packages instead.
 */
@NullMarked
package io.dynamodown.internal.changes;

import org.jspecify.annotations.NullMarked;
