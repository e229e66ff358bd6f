package io.dynamodown.server.internal.engine;

import java.util.Comparator;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The position of an item in a table or an index: its key there and, in an index, the
 * item's table key, which tells apart items with equal index keys.
 *
 * @param key the key in the table or index
 * @param tableKey the item's table key in an index, {@code null} in the table itself (and
 * in bounds, where it sorts before every table key)
 */
record EntryKey(PrimaryKey key, @Nullable PrimaryKey tableKey) implements Comparable<EntryKey> {

	private static final Comparator<EntryKey> ORDER = Comparator.comparing(EntryKey::key, PrimaryKey.ORDER)
		.thenComparing(EntryKey::tableKey, Comparator.nullsFirst(PrimaryKey.WITHIN_INDEX_KEY));

	@Override
	public int compareTo(EntryKey other) {
		return ORDER.compare(this, other);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EntryKey && compareTo((EntryKey) other) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.key, this.tableKey);
	}

}
