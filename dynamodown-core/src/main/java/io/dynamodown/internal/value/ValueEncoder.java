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
 * deflaters are taken from a small pool.
 */
public final class ValueEncoder {

	/** The shortest value compression is tried on. */
	static final int MIN_BYTES = 64;

	/** The shortest value that is probed before it is compressed whole. */
	static final int PROBE_FROM_BYTES = 8 * 1024;

	/** The length of the probe. */
	static final int PROBE_BYTES = 2 * 1024;

	/** How many first bytes of a value are looked at to tell random bytes. */
	static final int SAMPLE_BYTES = 256;

	private final byte codec;

	private final ZlibPool<Deflater> deflaters;

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
		this.deflaters = new ZlibPool<>(() -> new Deflater(level, true), Deflater::reset, Deflater::end);
		this.maxValueBytes = maxValueBytes;
	}

	/**
	 * The largest value, stored or decompressed, the store writes and reads.
	 * @return the limit in bytes
	 */
	public long maxValueBytes() {
		return this.maxValueBytes;
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
		if (looksIncompressible(value)) {
			return StoredValue.plain(value);
		}
		return this.deflaters.with((deflater) -> {
			if (value.length >= PROBE_FROM_BYTES) {
				byte[] probe = Codecs.deflate(deflater, value, 0, PROBE_BYTES);
				if (probe.length > PROBE_BYTES - PROBE_BYTES / 10) {
					return StoredValue.plain(value);
				}
			}
			byte[] compressed = Codecs.deflate(deflater, value, 0, value.length);
			return (compressed.length <= value.length - value.length / 16 - 1) ? new StoredValue(compressed, this.codec)
					: StoredValue.plain(value);
		});
	}

	/**
	 * Whether a value looks like random bytes (encrypted, already compressed): its first
	 * {@value #SAMPLE_BYTES} bytes hold at least three quarters of the distinct byte
	 * values that as many random bytes hold on average (162 of 256 for a full sample).
	 * Text and JSON hold far fewer (about 40 to 70), so the check costs one pass over at
	 * most {@value #SAMPLE_BYTES} bytes and spares deflate's slowest case, incompressible
	 * input, on every write of such values.
	 * @param value the value, at least {@value #MIN_BYTES} bytes
	 * @return {@code true} when compressing it is not worth trying
	 */
	static boolean looksIncompressible(byte[] value) {
		int sample = Math.min(value.length, SAMPLE_BYTES);
		boolean[] seen = new boolean[256];
		int distinct = 0;
		for (int i = 0; i < sample; i++) {
			int b = value[i] & 0xFF;
			if (!seen[b]) {
				seen[b] = true;
				distinct++;
			}
		}
		double expectedIfRandom = 256 * (1 - Math.pow(255.0 / 256, sample));
		return distinct >= 0.75 * expectedIfRandom;
	}

}
