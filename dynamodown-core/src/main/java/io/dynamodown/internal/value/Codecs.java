package io.dynamodown.internal.value;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;

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
	 * Reads a stored value back.
	 * @param stored the stored bytes
	 * @param codec the codec id they name
	 * @return the value
	 * @throws StoreFailure {@link Kind#REQUEST_FAILED} for an unknown codec id or bytes
	 * that do not decompress (an item not written by this store)
	 */
	public static byte[] decode(byte[] stored, byte codec) {
		if (codec == NONE) {
			return stored;
		}
		if (codec != DEFLATE) {
			throw new StoreFailure(Kind.REQUEST_FAILED, "stored value names the unknown codec " + codec
					+ "; it was written by a newer version of dynamodown");
		}
		return INFLATERS.with((inflater) -> inflate(inflater, stored));
	}

	private static byte[] inflate(Inflater inflater, byte[] stored) {
		inflater.setInput(stored);
		ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
		byte[] buffer = new byte[Math.min(256 * 1024, Math.max(1024, stored.length * 4))];
		try {
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new StoreFailure(Kind.REQUEST_FAILED,
							"stored value is truncated: its deflate stream of " + stored.length + " bytes ends early");
				}
				out.write(buffer, 0, n);
			}
		}
		catch (DataFormatException ex) {
			throw new StoreFailure(Kind.REQUEST_FAILED, "stored value is not valid deflate data", ex);
		}
		return out.toByteArray();
	}

}
