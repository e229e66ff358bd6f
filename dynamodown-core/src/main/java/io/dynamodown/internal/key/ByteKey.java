package io.dynamodown.internal.key;

import java.util.Arrays;
import java.util.Objects;

/**
 * A key with value equality and unsigned byte order, for use in maps and sets.
 *
 * @param bytes the key bytes; not copied, so not to be modified afterwards
 */
public record ByteKey(byte[] bytes) implements Comparable<ByteKey> {

	/**
	 * Creates a key.
	 * @param bytes the key bytes
	 */
	public ByteKey {
		Objects.requireNonNull(bytes, "'bytes' must not be null");
	}

	@Override
	public int compareTo(ByteKey other) {
		return Arrays.compareUnsigned(this.bytes, other.bytes);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ByteKey key && Arrays.equals(this.bytes, key.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return ByteKeys.hex(this.bytes);
	}

}
