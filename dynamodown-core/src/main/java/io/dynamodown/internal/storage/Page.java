package io.dynamodown.internal.storage;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a range, decoded: the keys and values of one {@code Query} in the
 * iteration's order, and where the next page starts. Keys are comparable as they are
 * (unsigned bytes), so pages of several sources can be merged without decoding items.
 *
 * @param keys the keys, relative to the view that asked for the page
 * @param values the values, one per key; empty arrays when only keys were read
 * @param expiries the epoch second from which each key is absent, {@code null} for a key
 * without expiry; empty when only keys were read
 * @param next where the next page starts, or {@code null} when the range is exhausted
 */
public record Page(List<byte[]> keys, List<byte[]> values, List<@Nullable Long> expiries, @Nullable Continuation next) {

	/**
	 * A page without expiries.
	 * @param keys the keys
	 * @param values the values, one per key
	 * @param next where the next page starts, or {@code null}
	 */
	public Page(List<byte[]> keys, List<byte[]> values, @Nullable Continuation next) {
		this(keys, values, List.of(), next);
	}

}
