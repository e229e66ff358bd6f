package io.dynamodown.internal.key;

import java.util.Arrays;
import java.util.Objects;

/**
 * One end of a key range.
 *
 * @param key the bound's key bytes
 * @param inclusive whether the key itself is inside the range
 */
public record KeyBound(byte[] key, boolean inclusive) {

	/**
	 * Creates a bound.
	 * @param key the bound's key bytes
	 * @param inclusive whether the key itself is inside the range
	 */
	public KeyBound {
		Objects.requireNonNull(key, "'key' must not be null");
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KeyBound bound && this.inclusive == bound.inclusive
				&& Arrays.equals(this.key, bound.key);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.key) + Boolean.hashCode(this.inclusive);
	}

	@Override
	public String toString() {
		return (this.inclusive ? "[" : "(") + ByteKeys.hex(this.key);
	}

}
