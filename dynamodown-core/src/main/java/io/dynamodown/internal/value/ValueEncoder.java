package io.dynamodown.internal.value;

import java.util.zip.Deflater;

import io.dynamodown.internal.limit.Limits;

/**
 * Decides how a value is stored: compressed when that saves enough to matter, else as it
 * is. Values shorter than {@value #MIN_BYTES} bytes are stored as they are; a compressed
 * value is kept only when it is at least a sixteenth smaller; a value of
 * {@value #PROBE_FROM_BYTES} bytes or more is first probed by compressing its first
 * {@value #PROBE_BYTES} bytes, and stored as it is without further work when the probe
 * saves less than a tenth (random, encrypted or already compressed data). Thread-safe:
 * one {@link Deflater} per thread.
 */
public final class ValueEncoder {

	/** The shortest value compression is tried on. */
	static final int MIN_BYTES = 64;

	/** The shortest value that is probed before it is compressed whole. */
	static final int PROBE_FROM_BYTES = 8 * 1024;

	/** The length of the probe. */
	static final int PROBE_BYTES = 2 * 1024;

	private final byte codec;

	private final ThreadLocal<Deflater> deflater;

	private final long maxValueBytes;

	/**
	 * Creates an encoder.
	 * @param codec the codec id to write, {@link Codecs#NONE} or {@link Codecs#DEFLATE}
	 * @param level the deflate level, 1 (fastest) to 9 (smallest); ignored for
	 * {@link Codecs#NONE}
	 * @param maxValueBytes the largest stored value accepted
	 */
	public ValueEncoder(byte codec, int level, long maxValueBytes) {
		this.codec = codec;
		this.deflater = ThreadLocal.withInitial(() -> new Deflater(level, true));
		this.maxValueBytes = maxValueBytes;
	}

	/**
	 * How a value given by a caller is stored, checked against the largest value.
	 * @param key the full key, for the message
	 * @param value the value; copied when stored as it is
	 * @return the stored value, which the caller can no longer change
	 * @throws io.dynamodown.internal.failure.StoreFailure
	 * {@link io.dynamodown.internal.failure.StoreFailure.Kind#INVALID_VALUE} when its
	 * stored form is larger than the largest value
	 */
	public StoredValue checked(byte[] key, byte[] value) {
		StoredValue stored = encode(value);
		Limits.checkValueSize(key, stored.bytes().length, value.length, this.maxValueBytes);
		return stored.compressed() ? stored : StoredValue.plain(value.clone());
	}

	/**
	 * How a value is stored.
	 * @param value the value; not copied
	 * @return the value compressed, or the value itself (codec {@link Codecs#NONE})
	 */
	public StoredValue encode(byte[] value) {
		if (this.codec == Codecs.NONE || value.length < MIN_BYTES) {
			return StoredValue.plain(value);
		}
		Deflater deflater = this.deflater.get();
		if (value.length >= PROBE_FROM_BYTES) {
			byte[] probe = Codecs.deflate(deflater, value, 0, PROBE_BYTES);
			if (probe.length > PROBE_BYTES - PROBE_BYTES / 10) {
				return StoredValue.plain(value);
			}
		}
		byte[] compressed = Codecs.deflate(deflater, value, 0, value.length);
		return (compressed.length <= value.length - value.length / 16 - 1) ? new StoredValue(compressed, this.codec)
				: StoredValue.plain(value);
	}

	/**
	 * Reads a stored value back, whatever codec it names.
	 * @param stored the stored value
	 * @return the value
	 */
	public static byte[] decode(StoredValue stored) {
		return Codecs.decode(stored.bytes(), stored.codec());
	}

}
