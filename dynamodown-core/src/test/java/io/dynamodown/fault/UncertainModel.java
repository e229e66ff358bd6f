package io.dynamodown.fault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.dynamodown.Entry;
import io.dynamodown.Range;
import io.dynamodown.RangeBounds;
import io.dynamodown.internal.key.ByteKey;
import io.dynamodown.internal.key.ByteKeys;
import io.dynamodown.internal.key.KeyBound;
import io.dynamodown.support.ModelStore;

/**
 * A model of one store (or sublevel) driven by one thread, built only from acknowledged
 * operations: keys whose last write failed are "uncertain" (their state is one of the
 * values that may have been written) until a read or an acknowledged write settles them.
 * It counts the writes lost (an acknowledged state not read back) and the phantoms (a
 * state read that no operation could have produced).
 */
final class UncertainModel {

	private final ModelStore certain = new ModelStore();

	private final Map<ByteKey, Set<ByteKey>> uncertain = new HashMap<>();

	private final List<String> violations = new ArrayList<>();

	private long lost;

	private long phantoms;

	/** Stands for "absent" among the possible states of an uncertain key. */
	private static final ByteKey ABSENT = new ByteKey(new byte[] { 'a', 'b', 's', 'e', 'n', 't', '\u0000' });

	void acknowledged(byte[] key, byte[] value) {
		this.uncertain.remove(new ByteKey(key));
		if (value != null) {
			this.certain.put(key, value);
		}
		else {
			this.certain.delete(key);
		}
	}

	/**
	 * A write that may or may not have happened.
	 * @param key the key
	 * @param value the value written, {@code null} for a delete
	 */
	void unknown(byte[] key, byte[] value) {
		ByteKey k = new ByteKey(key.clone());
		Set<ByteKey> possible = this.uncertain.get(k);
		if (possible == null) {
			possible = new HashSet<>();
			byte[] old = this.certain.get(key);
			possible.add((old != null) ? new ByteKey(old) : ABSENT);
			this.certain.delete(key);
			this.uncertain.put(k, possible);
		}
		possible.add((value != null) ? new ByteKey(value.clone()) : ABSENT);
	}

	boolean isUncertain(byte[] key) {
		return this.uncertain.containsKey(new ByteKey(key));
	}

	/**
	 * Checks a value read against the model, then settles the key.
	 * @param key the key
	 * @param read the value read
	 * @param where what read it, for messages
	 */
	void observe(byte[] key, Optional<byte[]> read, String where) {
		ByteKey k = new ByteKey(key);
		Set<ByteKey> possible = this.uncertain.get(k);
		if (possible != null) {
			ByteKey state = read.map(ByteKey::new).orElse(ABSENT);
			if (!possible.contains(state)) {
				this.phantoms++;
				violation(where + ": uncertain key " + ByteKeys.hex(key) + " read as " + describe(read)
						+ ", which no write produced");
			}
			acknowledged(key, read.orElse(null));
			return;
		}
		byte[] expected = this.certain.get(key);
		if (expected != null && (read.isEmpty() || !Arrays.equals(expected, read.get()))) {
			this.lost++;
			violation(where + ": key " + ByteKeys.hex(key) + " acknowledged as " + ByteKeys.hex(expected) + ", read as "
					+ describe(read));
		}
		else if (expected == null && read.isPresent()) {
			this.phantoms++;
			violation(where + ": key " + ByteKeys.hex(key) + " acknowledged absent, read as " + describe(read));
		}
	}

	/**
	 * Checks what an iteration over {@code range} returned, then settles the uncertain
	 * keys of the range. Only for unlimited ranges, unless no key of the range is
	 * uncertain.
	 * @param range the range
	 * @param read the entries read
	 * @param where what read it, for messages
	 */
	void observeRange(Range range, List<Entry> read, String where) {
		List<Entry> settled = new ArrayList<>();
		Map<ByteKey, byte[]> readUncertain = new HashMap<>();
		for (Entry entry : read) {
			if (isUncertain(entry.key())) {
				readUncertain.put(new ByteKey(entry.key()), entry.value());
			}
			else {
				settled.add(entry);
			}
		}
		List<Entry> expected = this.certain.range(range);
		if (!sameEntries(expected, settled)) {
			long missing = expected.stream().filter((e) -> !contains(settled, e)).count();
			this.lost += missing;
			this.phantoms += settled.stream().filter((e) -> !contains(expected, e)).count();
			violation(where + ": " + range + " read " + settled.size() + " settled entries, model has "
					+ expected.size() + " (" + missing + " missing)");
		}
		for (ByteKey key : new ArrayList<>(this.uncertain.keySet())) {
			if (inRange(key.bytes(), range)) {
				observe(key.bytes(), Optional.ofNullable(readUncertain.get(key)), where);
			}
		}
	}

	boolean anyUncertainIn(Range range) {
		return this.uncertain.keySet().stream().anyMatch((key) -> inRange(key.bytes(), range));
	}

	int uncertainKeys() {
		return this.uncertain.size();
	}

	long lost() {
		return this.lost;
	}

	long phantoms() {
		return this.phantoms;
	}

	List<String> violations() {
		return this.violations;
	}

	private void violation(String text) {
		if (this.violations.size() < 20) {
			this.violations.add(text);
		}
	}

	private static boolean sameEntries(List<Entry> a, List<Entry> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (!Arrays.equals(a.get(i).key(), b.get(i).key()) || !Arrays.equals(a.get(i).value(), b.get(i).value())) {
				return false;
			}
		}
		return true;
	}

	private static boolean contains(List<Entry> entries, Entry entry) {
		return entries.stream()
			.anyMatch((e) -> Arrays.equals(e.key(), entry.key()) && Arrays.equals(e.value(), entry.value()));
	}

	static boolean inRange(byte[] key, Range range) {
		Optional<KeyBound> lower = RangeBounds.lower(range);
		Optional<KeyBound> upper = RangeBounds.upper(range);
		if (lower.isPresent()) {
			int cmp = ByteKeys.compare(key, lower.get().key());
			if (cmp < 0 || (cmp == 0 && !lower.get().inclusive())) {
				return false;
			}
		}
		if (upper.isPresent()) {
			int cmp = ByteKeys.compare(key, upper.get().key());
			if (cmp > 0 || (cmp == 0 && !upper.get().inclusive())) {
				return false;
			}
		}
		return true;
	}

	private static String describe(Optional<byte[]> read) {
		return read.map(ByteKeys::hex).orElse("absent");
	}

}
