package io.dynamodown.iterator;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One page of a range: the items of one {@code Query} and where the next page starts.
 *
 * @param items the items, in the iteration's order
 * @param next the key to continue from, or {@code null} when the range is exhausted
 */
public record Page(List<Map<String, AttributeValue>> items, @Nullable Map<String, AttributeValue> next) {

}
