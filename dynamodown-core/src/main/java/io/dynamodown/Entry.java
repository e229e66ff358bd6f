package io.dynamodown;

import java.util.Arrays;
import java.util.Objects;

/**
 * A key and its value, as read by an iterator.
 *
 * @param key the key bytes
 * @param value the value bytes; empty in a keys-only iteration
 */
public record Entry(byte[] key, byte[] value) {

	/**
	 * Creates an entry.
	 * @param key the key bytes
	 * @param value the value bytes
	 */
	public Entry {
		Objects.requireNonNull(key, "'key' must not be null");
		Objects.requireNonNull(value, "'value' must not be null");
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Entry entry && Arrays.equals(this.key, entry.key)
				&& Arrays.equals(this.value, entry.value);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.key) + Arrays.hashCode(this.value);
	}

	@Override
	public String toString() {
		return "Entry[key=" + this.key.length + " bytes, value=" + this.value.length + " bytes]";
	}

}
