package io.dynamodown.internal.changes;

import org.jspecify.annotations.Nullable;

/**
 * A shard of the table's stream, as {@code DescribeStream} lists it.
 *
 * @param id the shard id
 * @param parentId the parent shard's id, or {@code null}
 * @param closed whether the shard has an ending sequence number: it takes no more records
 * and its children hold the later ones
 */
public record Shard(String id, @Nullable String parentId, boolean closed) {

}
