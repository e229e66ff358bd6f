package io.dynamodown;

/**
 * How a store compresses values before it stores them (see
 * {@link LevelDbBuilder#compression(Compression)}). Compression only changes how values
 * are stored, never what is read: every item says how it was stored, so compression can
 * be switched on, off or to another level on a live table, and items of every setting
 * read back right.
 * <p>
 * With {@link Codec#DEFLATE}, a value of 64 bytes or more is compressed with the JDK's
 * own deflate (no native library, no dependency) and stored compressed only when that
 * saves at least a sixteenth of it. Incompressible values (random, encrypted or already
 * compressed bytes) cost neither a byte of overhead nor futile work on every write: a
 * value whose first 256 bytes hold as many distinct byte values as random bytes do is
 * stored as it is without being compressed, and a value of 8 KB or more is first probed
 * on its first 2 KB and stored as it is when the probe saves less than a tenth.
 *
 * @param codec the codec
 * @param level the deflate level, 1 (fastest) to 9 (smallest); 0 for {@link Codec#NONE}
 */
public record Compression(Codec codec, int level) {

	/** The deflate level when none is given: {@value}. */
	public static final int DEFAULT_LEVEL = 6;

	/** Deflate at {@link #DEFAULT_LEVEL}: the default. */
	public static final Compression DEFAULT = new Compression(Codec.DEFLATE, DEFAULT_LEVEL);

	/**
	 * Creates a setting; a store checks it when it is given one
	 * ({@link LevelDbOptions.Builder#compression(Compression)}).
	 * @param codec the codec
	 * @param level the deflate level (1 to 9), ignored for {@link Codec#NONE}
	 */
	public Compression {
		if (codec != Codec.DEFLATE) {
			level = 0;
		}
	}

	/**
	 * No compression: every value is stored as it is, readable by any DynamoDB client.
	 * @return the setting
	 */
	public static Compression none() {
		return new Compression(Codec.NONE, 0);
	}

	/**
	 * Deflate at a level.
	 * @param level 1 (fastest) to 9 (smallest)
	 * @return the setting
	 */
	public static Compression deflate(int level) {
		return new Compression(Codec.DEFLATE, level);
	}

	/**
	 * The codecs a store can write. Whatever is chosen, values written with any of them
	 * read back.
	 */
	public enum Codec {

		/** Values are stored as they are. */
		NONE,

		/** Raw deflate (RFC 1951) through the JDK's zlib. */
		DEFLATE

	}

}
