package io.dynamodown.internal.value;

import java.util.Objects;

/**
 * A value as it is stored: its bytes, compressed or not, and the codec that reads them
 * back.
 *
 * @param bytes the stored bytes; not copied, so not to be modified
 * @param codec the id of the codec that compressed them, {@link Codecs#NONE} when they
 * are the value itself
 */
public record StoredValue(byte[] bytes, byte codec) {

	/**
	 * Creates a stored value.
	 * @param bytes the stored bytes
	 * @param codec the codec id
	 */
	public StoredValue {
		Objects.requireNonNull(bytes, "'bytes' must not be null");
	}

	/**
	 * A value stored as it is.
	 * @param value the value
	 * @return the stored value
	 */
	public static StoredValue plain(byte[] value) {
		return new StoredValue(value, Codecs.NONE);
	}

	/**
	 * Whether the bytes are compressed.
	 * @return {@code true} unless the codec is {@link Codecs#NONE}
	 */
	public boolean compressed() {
		return this.codec != Codecs.NONE;
	}

}
