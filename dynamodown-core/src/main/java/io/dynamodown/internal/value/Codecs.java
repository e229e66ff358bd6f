package io.dynamodown.internal.value;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * The codecs a stored value may name, by id. Every id ever written stays readable,
 * whatever the store is configured to write: {@value #NONE} (the value as it is) and
 * {@value #DEFLATE} (raw deflate, RFC 1951, through the JDK's zlib).
 */
public final class Codecs {

	/** The id of a value stored as it is. */
	public static final byte NONE = 0;

	/** The id of raw deflate. */
	public static final byte DEFLATE = 1;

	/** The buffer inflated into while a value's length is counted. */
	private static final int SCRATCH_BYTES = 64 * 1024;

	private static final ZlibPool<Inflater> INFLATERS = new ZlibPool<>(() -> new Inflater(true), Inflater::reset,
			Inflater::end);

	private Codecs() {
	}

	/**
	 * Compresses with raw deflate.
	 * @param deflater a deflater of the store's pool, reset before use
	 * @param input the bytes
	 * @param from the first byte to compress
	 * @param length how many bytes to compress
	 * @return the compressed bytes
	 */
	static byte[] deflate(Deflater deflater, byte[] input, int from, int length) {
		deflater.reset();
		deflater.setInput(input, from, length);
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length / 2));
		byte[] buffer = new byte[Math.min(64 * 1024, Math.max(256, length))];
		while (!deflater.finished()) {
			int n = deflater.deflate(buffer);
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	/**
	 * Reads a stored value back, never past a bound: a value that decompresses to more
	 * bytes is refused before they are held. Deflate is read twice (counting, then into
	 * an array of the exact length), so the heap a read takes is the value's length plus
	 * a constant, whatever the stored bytes say.
	 * @param key the full key, for the message
	 * @param attribute the attribute holding the bytes, for the message
	 * @param stored the stored bytes
	 * @param codec the codec id they name
	 * @param maxBytes the most bytes the value may have
	 * @return the value
	 * @throws StoreFailure {@link Kind#CORRUPT_ITEM} for an unknown codec id, bytes that
	 * do not decompress, or a value longer than {@code maxBytes}
	 */
	public static byte[] decode(byte[] key, String attribute, byte[] stored, byte codec, long maxBytes) {
		if (codec == NONE) {
			return stored;
		}
		if (codec != DEFLATE) {
			throw StoreFailure.corrupt(key, attribute,
					"names the unknown codec " + codec + " (written by a newer version of dynamodown, or not by it)");
		}
		return INFLATERS.with((inflater) -> {
			int length = inflate(inflater, key, attribute, stored, null, maxBytes);
			if (length == 0) {
				return new byte[0];
			}
			inflater.reset();
			byte[] value = new byte[length];
			inflate(inflater, key, attribute, stored, value, length);
			return value;
		});
	}

	/**
	 * Inflates into {@code into}, or counts when it is {@code null}.
	 * @return the inflated length
	 */
	private static int inflate(Inflater inflater, byte[] key, String attribute, byte[] stored, byte @Nullable [] into,
			long maxBytes) {
		inflater.setInput(stored);
		byte[] scratch = (into != null) ? into : new byte[(int) Math.min(SCRATCH_BYTES, Math.max(1, maxBytes + 1))];
		long total = 0;
		try {
			while (!inflater.finished()) {
				int n = (into != null) ? inflater.inflate(into, (int) total, into.length - (int) total)
						: inflater.inflate(scratch);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw StoreFailure.corrupt(key, attribute,
							"holds a deflate stream of " + stored.length + " bytes that ends early");
				}
				if (n == 0 && into != null && total == into.length) {
					throw StoreFailure.corrupt(key, attribute, "decompresses differently on a second read");
				}
				total += n;
				if (total > maxBytes) {
					throw StoreFailure.corrupt(key, attribute, "decompresses to more than " + maxBytes
							+ " bytes (LevelDbBuilder.maxValueSize, or the length the item declares)");
				}
			}
		}
		catch (DataFormatException ex) {
			throw StoreFailure.corrupt(key, attribute, "is not valid deflate data", ex);
		}
		return (int) total;
	}

}
