package io.dynamodown.iq80;

import java.util.AbstractMap;
import java.util.Map;
import java.util.NoSuchElementException;

import io.dynamodown.Entry;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelIterator;
import io.dynamodown.Range;
import org.iq80.leveldb.DBIterator;
import org.jspecify.annotations.Nullable;

/**
 * A bidirectional iq80 {@link DBIterator} made of two one-way store iterators: the cursor
 * sits between two keys; a forward iterator reads what lies after it and a reverse one
 * what lies before it, each opened lazily and kept while the cursor moves its way. As in
 * LevelDB, {@code prev()} right after {@code next()} returns the same entry.
 */
final class Iq80Iterator implements DBIterator {

	private final LevelDb db;

	private @Nullable Range after;

	private @Nullable Range before;

	private @Nullable LevelIterator<Entry> forward;

	private @Nullable LevelIterator<Entry> backward;

	private @Nullable Entry peekedNext;

	private @Nullable Entry peekedPrev;

	Iq80Iterator(LevelDb db) {
		this.db = db;
		seekToFirst();
	}

	@Override
	public void seek(byte[] key) {
		reposition(Range.all().gte(key), Range.all().lt(key).reverse());
	}

	@Override
	public void seekToFirst() {
		reposition(Range.all(), null);
	}

	@Override
	public void seekToLast() {
		reposition(null, Range.all().reverse());
	}

	@Override
	public boolean hasNext() {
		return nextOrNull() != null;
	}

	@Override
	public Map.Entry<byte[], byte[]> peekNext() {
		Entry next = nextOrNull();
		if (next == null) {
			throw new NoSuchElementException("no entry after the iterator's position");
		}
		return asMapEntry(next);
	}

	@Override
	public Map.Entry<byte[], byte[]> next() {
		Map.Entry<byte[], byte[]> next = peekNext();
		this.peekedNext = null;
		closeBackward();
		this.before = Range.all().lte(next.getKey()).reverse();
		return next;
	}

	@Override
	public boolean hasPrev() {
		return prevOrNull() != null;
	}

	@Override
	public Map.Entry<byte[], byte[]> peekPrev() {
		Entry prev = prevOrNull();
		if (prev == null) {
			throw new NoSuchElementException("no entry before the iterator's position");
		}
		return asMapEntry(prev);
	}

	@Override
	public Map.Entry<byte[], byte[]> prev() {
		Map.Entry<byte[], byte[]> prev = peekPrev();
		this.peekedPrev = null;
		closeForward();
		this.after = Range.all().gte(prev.getKey());
		return prev;
	}

	@Override
	public void close() {
		closeForward();
		closeBackward();
	}

	private @Nullable Entry nextOrNull() {
		Range range = this.after;
		if (this.peekedNext == null && range != null) {
			LevelIterator<Entry> iterator = this.forward;
			if (iterator == null) {
				iterator = Iq80Db.call(() -> this.db.iterator(range));
				this.forward = iterator;
			}
			this.peekedNext = nextOf(iterator);
		}
		return this.peekedNext;
	}

	private @Nullable Entry prevOrNull() {
		Range range = this.before;
		if (this.peekedPrev == null && range != null) {
			LevelIterator<Entry> iterator = this.backward;
			if (iterator == null) {
				iterator = Iq80Db.call(() -> this.db.iterator(range));
				this.backward = iterator;
			}
			this.peekedPrev = nextOf(iterator);
		}
		return this.peekedPrev;
	}

	private static @Nullable Entry nextOf(LevelIterator<Entry> iterator) {
		return Iq80Db.call(() -> iterator.hasNext() ? iterator.next() : null);
	}

	private void reposition(@Nullable Range after, @Nullable Range before) {
		close();
		this.after = after;
		this.before = before;
	}

	private void closeForward() {
		if (this.forward != null) {
			this.forward.close();
			this.forward = null;
		}
		this.peekedNext = null;
	}

	private void closeBackward() {
		if (this.backward != null) {
			this.backward.close();
			this.backward = null;
		}
		this.peekedPrev = null;
	}

	private static Map.Entry<byte[], byte[]> asMapEntry(Entry entry) {
		return new AbstractMap.SimpleImmutableEntry<>(entry.key().clone(), entry.value().clone());
	}

}
