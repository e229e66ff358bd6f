package io.dynamodown.internal.changes;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stream record of a key of the view subscribed on, decoded.
 *
 * @param kind what happened
 * @param key the key, the view's prefix removed
 * @param value the value written, decoded; {@code null} for a delete or an expiry, or a
 * superseded put of a key absent when read
 * @param previousValue the key's live inline value before, decoded, or {@code null}
 * @param sequenceNumber the record's sequence number
 * @param time when DynamoDB recorded it
 * @param superseded whether the value written could no longer be read, so that
 * {@code value} is the key's value when the change was read
 */
public record DecodedChange(ChangeKind kind, byte[] key, byte @Nullable [] value, byte @Nullable [] previousValue,
		String sequenceNumber, Instant time, boolean superseded) {

}
