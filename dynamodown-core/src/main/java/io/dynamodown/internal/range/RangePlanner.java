package io.dynamodown.internal.range;

import java.util.Arrays;

import io.dynamodown.internal.key.ByteKeys;
import io.dynamodown.internal.key.KeyBound;
import io.dynamodown.internal.layout.ChunkLayout;
import io.dynamodown.internal.layout.KeyLayout;
import org.jspecify.annotations.Nullable;

/**
 * Plans a range of a (sub)level into the tightest range of sort keys: the sublevel's
 * prefix bounds, the caller's bounds and a seek target inside them are intersected,
 * bounds are moved into sort-key space (format byte first) and kept below the chunk
 * items' space, and a range that can hold no key is recognised as empty so that no
 * request is sent. Pure: no I/O.
 */
public final class RangePlanner {

	private static final int MAX = KeyLayout.MAX_SORT_KEY_BYTES;

	/**
	 * Where the keys' sort-key space ends: the chunk items of large values follow it, and
	 * no range may read them.
	 */
	private static final KeyBound KEY_SPACE_END = new KeyBound(new byte[] { ChunkLayout.FORMAT_BYTE }, false);

	private RangePlanner() {
	}

	/**
	 * Plans a range.
	 * @param prefix the sublevel prefix of every key in the range (empty for the root)
	 * @param lower the caller's lower bound relative to the prefix, or {@code null}
	 * @param upper the caller's upper bound relative to the prefix, or {@code null}
	 * @return the sort-key range
	 */
	public static SortKeyRange plan(byte[] prefix, @Nullable KeyBound lower, @Nullable KeyBound upper) {
		return plan(prefix, lower, upper, false, null);
	}

	/**
	 * Plans a range that continues from a seek target: forward ranges start at the first
	 * key at or after the target, reverse ranges at the last key at or before it. A
	 * target outside the caller's range (below its lower bound or above its upper bound,
	 * an exclusive bound itself included) ends the iteration, as in abstract-level: the
	 * range is empty.
	 * @param prefix the sublevel prefix of every key in the range (empty for the root)
	 * @param lower the caller's lower bound relative to the prefix, or {@code null}
	 * @param upper the caller's upper bound relative to the prefix, or {@code null}
	 * @param reverse whether the range is read from the greatest key down
	 * @param seekTarget the target relative to the prefix, or {@code null} for none
	 * @return the sort-key range
	 */
	public static SortKeyRange plan(byte[] prefix, @Nullable KeyBound lower, @Nullable KeyBound upper, boolean reverse,
			byte @Nullable [] seekTarget) {
		KeyBound low = (prefix.length > 0) ? new KeyBound(prefix, true) : null;
		byte[] prefixEnd = ByteKeys.prefixEnd(prefix);
		KeyBound high = (prefixEnd != null) ? new KeyBound(prefixEnd, false) : null;
		low = maxLower(low, (lower != null) ? prefixed(prefix, lower) : null);
		high = minUpper(high, (upper != null) ? prefixed(prefix, upper) : null);
		if (seekTarget != null) {
			if (outside(seekTarget, lower, upper)) {
				return SortKeyRange.EMPTY;
			}
			KeyBound target = new KeyBound(ByteKeys.concat(prefix, seekTarget), true);
			if (reverse) {
				high = minUpper(high, target);
			}
			else {
				low = maxLower(low, target);
			}
		}
		return toSortKeys(low, high);
	}

	private static boolean outside(byte[] target, @Nullable KeyBound lower, @Nullable KeyBound upper) {
		if (lower != null) {
			int cmp = ByteKeys.compare(target, lower.key());
			if (cmp < 0 || (cmp == 0 && !lower.inclusive())) {
				return true;
			}
		}
		if (upper != null) {
			int cmp = ByteKeys.compare(target, upper.key());
			return cmp > 0 || (cmp == 0 && !upper.inclusive());
		}
		return false;
	}

	private static SortKeyRange toSortKeys(@Nullable KeyBound lower, @Nullable KeyBound upper) {
		KeyBound low = (lower != null) ? fitLower(sortKey(lower)) : null;
		KeyBound high = (upper != null) ? fitUpper(sortKey(upper)) : KEY_SPACE_END;
		if (low != null) {
			byte[] lo = low.inclusive() ? low.key() : ByteKeys.successor(low.key(), MAX);
			byte[] hi = high.inclusive() ? high.key() : ByteKeys.predecessor(high.key(), MAX);
			if (lo == null || hi == null || hi.length == 0 || ByteKeys.compare(lo, hi) > 0) {
				return SortKeyRange.EMPTY;
			}
			return new SortKeyRange(new KeyBound(lo, true), new KeyBound(hi, true), false);
		}
		if (!high.inclusive() && high.key().length == 1 && high.key()[0] == KeyLayout.FORMAT_BYTE) {
			return SortKeyRange.EMPTY;
		}
		return new SortKeyRange(low, high, false);
	}

	private static KeyBound prefixed(byte[] prefix, KeyBound bound) {
		return new KeyBound(ByteKeys.concat(prefix, bound.key()), bound.inclusive());
	}

	private static KeyBound sortKey(KeyBound bound) {
		byte[] key = new byte[bound.key().length + 1];
		key[0] = KeyLayout.FORMAT_BYTE;
		System.arraycopy(bound.key(), 0, key, 1, bound.key().length);
		return new KeyBound(key, bound.inclusive());
	}

	/**
	 * A lower bound longer than any sort key: every key at or above it is above its
	 * truncation.
	 */
	private static KeyBound fitLower(KeyBound bound) {
		return (bound.key().length <= MAX) ? bound : new KeyBound(Arrays.copyOf(bound.key(), MAX), false);
	}

	/**
	 * An upper bound longer than any sort key: every key at or below it is at or below
	 * its truncation.
	 */
	private static KeyBound fitUpper(KeyBound bound) {
		return (bound.key().length <= MAX) ? bound : new KeyBound(Arrays.copyOf(bound.key(), MAX), true);
	}

	private static @Nullable KeyBound maxLower(@Nullable KeyBound a, @Nullable KeyBound b) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		int cmp = ByteKeys.compare(a.key(), b.key());
		if (cmp != 0) {
			return (cmp > 0) ? a : b;
		}
		return a.inclusive() ? b : a;
	}

	private static @Nullable KeyBound minUpper(@Nullable KeyBound a, @Nullable KeyBound b) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		int cmp = ByteKeys.compare(a.key(), b.key());
		if (cmp != 0) {
			return (cmp < 0) ? a : b;
		}
		return a.inclusive() ? b : a;
	}

}
