package io.dynamodown.server.internal.expression;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * What a query reads: the items of one partition, and of those the ones whose sort key
 * satisfies a condition, if any.
 *
 * @param hashValue the partition key's value
 * @param range the condition on the sort key, or {@code null} for the whole partition
 */
public record KeyRange(AttributeValue hashValue, @Nullable RangeCondition range) {

}
