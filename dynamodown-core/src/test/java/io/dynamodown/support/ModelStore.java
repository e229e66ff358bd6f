package io.dynamodown.support;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.dynamodown.Entry;
import io.dynamodown.Range;
import io.dynamodown.RangeBounds;
import io.dynamodown.internal.key.ByteKey;
import io.dynamodown.internal.key.ByteKeys;
import io.dynamodown.internal.key.KeyBound;

/**
 * The reference model: a {@link TreeMap} in unsigned byte order with LevelDB's range
 * semantics.
 */
public final class ModelStore {

	private final NavigableMap<ByteKey, byte[]> entries = new TreeMap<>();

	public void put(byte[] key, byte[] value) {
		this.entries.put(new ByteKey(key.clone()), value.clone());
	}

	public void delete(byte[] key) {
		this.entries.remove(new ByteKey(key));
	}

	public byte[] get(byte[] key) {
		return this.entries.get(new ByteKey(key));
	}

	public int size() {
		return this.entries.size();
	}

	/**
	 * The entries of a range, in its direction, within its limit.
	 * @param range the range
	 * @return the entries
	 */
	public List<Entry> range(Range range) {
		return range(range, null);
	}

	/**
	 * The entries of a range continued from a seek target.
	 * @param range the range
	 * @param seekTarget the target, or {@code null}
	 * @return the entries, without limit applied when a target is given; none when the
	 * target is outside the range (the iteration ends)
	 */
	public List<Entry> range(Range range, byte[] seekTarget) {
		List<Entry> result = new ArrayList<>();
		if (range.limit() == 0) {
			return result;
		}
		KeyBound lower = RangeBounds.lower(range).orElse(null);
		KeyBound upper = RangeBounds.upper(range).orElse(null);
		if (seekTarget != null
				&& ((lower != null && !above(seekTarget, lower)) || (upper != null && !below(seekTarget, upper)))) {
			return result;
		}
		NavigableMap<ByteKey, byte[]> view = range.isReverse() ? this.entries.descendingMap() : this.entries;
		for (var entry : view.entrySet()) {
			byte[] key = entry.getKey().bytes();
			if (lower != null && !above(key, lower)) {
				continue;
			}
			if (upper != null && !below(key, upper)) {
				continue;
			}
			if (seekTarget != null) {
				int cmp = ByteKeys.compare(key, seekTarget);
				if (range.isReverse() ? cmp > 0 : cmp < 0) {
					continue;
				}
			}
			result.add(new Entry(key.clone(), entry.getValue().clone()));
			if (seekTarget == null && range.isLimited() && result.size() >= range.limit()) {
				break;
			}
		}
		return result;
	}

	public void clear(Range range) {
		for (Entry entry : range(range)) {
			delete(entry.key());
		}
	}

	private static boolean above(byte[] key, KeyBound lower) {
		int cmp = ByteKeys.compare(key, lower.key());
		return cmp > 0 || (cmp == 0 && lower.inclusive());
	}

	private static boolean below(byte[] key, KeyBound upper) {
		int cmp = ByteKeys.compare(key, upper.key());
		return cmp < 0 || (cmp == 0 && upper.inclusive());
	}

}
