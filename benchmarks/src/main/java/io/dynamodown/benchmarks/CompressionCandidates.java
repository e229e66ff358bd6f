package io.dynamodown.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.xerial.snappy.Snappy;

/**
 * The codecs measured by {@link CompressionMeasurement}. Each is created on demand, so
 * that one whose native library does not load is reported as such instead of stopping the
 * run.
 */
final class CompressionCandidates {

	private CompressionCandidates() {
	}

	/**
	 * A named candidate.
	 *
	 * @param name the codec and its setting
	 * @param implementation where its code runs (JDK, JNI, pure Java)
	 * @param factory creates the codec; may throw a {@link LinkageError} if a native
	 * library does not load
	 */
	record Candidate(String name, String implementation, Supplier<CompressionCodec> factory) {

	}

	/**
	 * All candidates, in table order.
	 * @return the candidates
	 */
	static List<Candidate> all() {
		return List.of(new Candidate("Deflater level 1", "JDK (zlib)", () -> new DeflaterCodec(1)),
				new Candidate("Deflater level 6", "JDK (zlib)", () -> new DeflaterCodec(6)),
				new Candidate("lz4-java fast", "JNI", () -> lz4(LZ4Factory.nativeInstance(), false)),
				new Candidate("lz4-java high (9)", "JNI", () -> lz4(LZ4Factory.nativeInstance(), true)),
				new Candidate("lz4-java fast", "pure Java (safe)", () -> lz4(LZ4Factory.safeInstance(), false)),
				new Candidate("lz4-java high (9)", "pure Java (safe)", () -> lz4(LZ4Factory.safeInstance(), true)),
				new Candidate("zstd-jni level 1", "JNI", () -> new ZstdJniCodec(1)),
				new Candidate("zstd-jni level 3", "JNI", () -> new ZstdJniCodec(3)),
				new Candidate("aircompressor zstd (3)", "pure Java (Unsafe)",
						() -> new AircompressorCodec(new ZstdCompressor(), new ZstdDecompressor())),
				new Candidate("snappy-java", "JNI", SnappyJavaCodec::new),
				new Candidate("aircompressor snappy", "pure Java (Unsafe)",
						() -> new AircompressorCodec(new SnappyCompressor(), new SnappyDecompressor())));
	}

	private static CompressionCodec lz4(LZ4Factory factory, boolean high) {
		return new Lz4Codec(high ? factory.highCompressor() : factory.fastCompressor(), factory.safeDecompressor());
	}

	/**
	 * Raw deflate ({@code nowrap}): the zlib wrapper would add 6 bytes (header and
	 * Adler-32) per value and nothing a store needs.
	 */
	private static final class DeflaterCodec implements CompressionCodec {

		private final Deflater deflater;

		private final Inflater inflater = new Inflater(true);

		DeflaterCodec(int level) {
			this.deflater = new Deflater(level, true);
		}

		@Override
		public int maxCompressedLength(int rawLength) {
			// above zlib's deflateBound (about n + n/4096 + 13 for raw deflate), on
			// purpose
			return rawLength + (rawLength >> 8) + 64;
		}

		@Override
		public int compress(byte[] raw, byte[] out) {
			this.deflater.reset();
			this.deflater.setInput(raw);
			this.deflater.finish();
			int length = 0;
			while (!this.deflater.finished()) {
				int written = this.deflater.deflate(out, length, out.length - length);
				if (written == 0 && length == out.length) {
					throw new IllegalStateException("Output buffer too small");
				}
				length += written;
			}
			return length;
		}

		@Override
		public void decompress(byte[] compressed, int length, byte[] raw) {
			this.inflater.reset();
			this.inflater.setInput(compressed, 0, length);
			try {
				int read = this.inflater.inflate(raw);
				if (read != raw.length || !this.inflater.finished()) {
					throw new IllegalStateException("Inflated " + read + " bytes of " + raw.length);
				}
			}
			catch (DataFormatException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * LZ4 block format: the raw size is not in the block, a store keeps it beside.
	 */
	private static final class Lz4Codec implements CompressionCodec {

		private final LZ4Compressor compressor;

		private final LZ4SafeDecompressor decompressor;

		Lz4Codec(LZ4Compressor compressor, LZ4SafeDecompressor decompressor) {
			this.compressor = compressor;
			this.decompressor = decompressor;
		}

		@Override
		public int maxCompressedLength(int rawLength) {
			return this.compressor.maxCompressedLength(rawLength);
		}

		@Override
		public int compress(byte[] raw, byte[] out) {
			return this.compressor.compress(raw, 0, raw.length, out, 0, out.length);
		}

		@Override
		public void decompress(byte[] compressed, int length, byte[] raw) {
			this.decompressor.decompress(compressed, 0, length, raw, 0, raw.length);
		}

	}

	/**
	 * Zstandard frames (which carry the raw size) through reused native contexts.
	 */
	private static final class ZstdJniCodec implements CompressionCodec {

		private final ZstdCompressCtx compressor = new ZstdCompressCtx();

		private final ZstdDecompressCtx decompressor = new ZstdDecompressCtx();

		ZstdJniCodec(int level) {
			this.compressor.setLevel(level);
		}

		@Override
		public int maxCompressedLength(int rawLength) {
			return (int) Zstd.compressBound(rawLength);
		}

		@Override
		public int compress(byte[] raw, byte[] out) {
			return this.compressor.compressByteArray(out, 0, out.length, raw, 0, raw.length);
		}

		@Override
		public void decompress(byte[] compressed, int length, byte[] raw) {
			this.decompressor.decompressByteArray(raw, 0, raw.length, compressed, 0, length);
		}

	}

	private static final class SnappyJavaCodec implements CompressionCodec {

		SnappyJavaCodec() {
			// loads the native library now, so that a failure is reported as the result
			Snappy.maxCompressedLength(1);
		}

		@Override
		public int maxCompressedLength(int rawLength) {
			return Snappy.maxCompressedLength(rawLength);
		}

		@Override
		public int compress(byte[] raw, byte[] out) {
			try {
				return Snappy.compress(raw, 0, raw.length, out, 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void decompress(byte[] compressed, int length, byte[] raw) {
			try {
				Snappy.uncompress(compressed, 0, length, raw, 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private static final class AircompressorCodec implements CompressionCodec {

		private final Compressor compressor;

		private final Decompressor decompressor;

		AircompressorCodec(Compressor compressor, Decompressor decompressor) {
			this.compressor = compressor;
			this.decompressor = decompressor;
		}

		@Override
		public int maxCompressedLength(int rawLength) {
			return this.compressor.maxCompressedLength(rawLength);
		}

		@Override
		public int compress(byte[] raw, byte[] out) {
			return this.compressor.compress(raw, 0, raw.length, out, 0, out.length);
		}

		@Override
		public void decompress(byte[] compressed, int length, byte[] raw) {
			this.decompressor.decompress(compressed, 0, length, raw, 0, raw.length);
		}

	}

}
