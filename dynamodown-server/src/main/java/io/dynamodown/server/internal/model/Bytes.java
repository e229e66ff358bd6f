package io.dynamodown.server.internal.model;

import java.util.Arrays;
import java.util.Base64;

/**
 * An immutable byte string, ordered as DynamoDB orders binary values: byte by byte,
 * unsigned, a prefix before any longer string.
 */
public final class Bytes implements Comparable<Bytes> {

	private final byte[] bytes;

	private Bytes(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * Wraps a copy of the given bytes.
	 * @param bytes the bytes
	 * @return the byte string
	 */
	public static Bytes copyOf(byte[] bytes) {
		return new Bytes(bytes.clone());
	}

	/**
	 * Decodes standard base64, as DynamoDB's JSON carries binary values.
	 * @param base64 the encoded bytes
	 * @return the byte string
	 * @throws IllegalArgumentException if the text is not base64
	 */
	public static Bytes fromBase64(String base64) {
		return new Bytes(Base64.getDecoder().decode(base64));
	}

	/**
	 * Returns the bytes encoded as standard base64.
	 * @return the text
	 */
	public String toBase64() {
		return Base64.getEncoder().encodeToString(this.bytes);
	}

	/**
	 * Returns a copy of the bytes.
	 * @return the bytes
	 */
	public byte[] toByteArray() {
		return this.bytes.clone();
	}

	/**
	 * Returns the number of bytes.
	 * @return the length
	 */
	public int length() {
		return this.bytes.length;
	}

	/**
	 * Returns whether this byte string starts with the given one.
	 * @param prefix the prefix
	 * @return whether it does
	 */
	public boolean startsWith(Bytes prefix) {
		return prefix.bytes.length <= this.bytes.length
				&& Arrays.equals(this.bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
	}

	/**
	 * Returns whether the given byte string occurs in this one.
	 * @param part the byte string to look for
	 * @return whether it occurs
	 */
	public boolean contains(Bytes part) {
		int last = this.bytes.length - part.bytes.length;
		for (int i = 0; i <= last; i++) {
			if (Arrays.equals(this.bytes, i, i + part.bytes.length, part.bytes, 0, part.bytes.length)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int compareTo(Bytes other) {
		return Arrays.compareUnsigned(this.bytes, other.bytes);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Bytes && Arrays.equals(this.bytes, ((Bytes) other).bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return toBase64();
	}

}
