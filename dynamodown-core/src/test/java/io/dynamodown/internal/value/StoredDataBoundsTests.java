package io.dynamodown.internal.value;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stored bytes are untrusted: decompression stops at its bound, and a manifest is checked
 * before any chunk is read, so that neither can make a read take more heap or requests
 * than the value it may hold.
 */
class StoredDataBoundsTests {

	private static final byte[] KEY = "bomb".getBytes(StandardCharsets.UTF_8);

	private static final long MIB = 1024 * 1024;

	@Test
	void aDeflateBombStopsAtTheBoundWithoutHoldingWhatItInflatesTo() {
		byte[] bomb = zerosDeflated(400_000_000L);
		assertThat(bomb.length).isLessThan(400 * 1024);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		assertThatExceptionOfType(StoreFailure.class)
			.isThrownBy(() -> Codecs.decode(KEY, "value", bomb, Codecs.DEFLATE, MIB))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CORRUPT_ITEM))
			.withMessageContaining("626f6d62")
			.withMessageContaining("'value'")
			.withMessageContaining("more than 1048576 bytes");
		assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated").isLessThan(MIB);
	}

	@Test
	void aValueAtTheBoundIsReadIntoAnArrayOfItsLength() {
		byte[] stored = zerosDeflated(MIB);
		assertThat(Codecs.decode(KEY, "value", stored, Codecs.DEFLATE, MIB)).hasSize((int) MIB);
		assertThatExceptionOfType(StoreFailure.class)
			.isThrownBy(() -> Codecs.decode(KEY, "value", stored, Codecs.DEFLATE, MIB - 1));
	}

	@Test
	void garbageIsCorruptNotAnError() {
		assertThatExceptionOfType(StoreFailure.class)
			.isThrownBy(() -> Codecs.decode(KEY, "value", new byte[] { (byte) 0xFF, 1, 2, 3 }, Codecs.DEFLATE, MIB))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CORRUPT_ITEM));
	}

	@Test
	void aManifestIsCheckedBeforeAnyChunkIsRead() {
		byte[] generation = Manifest.newGeneration(1L);
		assertThat(decode(new Manifest(generation, 42, 16 * MIB, Codecs.NONE, 0), 16 * MIB).chunks()).isEqualTo(42);
		assertThat(refusal(new Manifest(generation, 100_000, 10, Codecs.NONE, 0), 16 * MIB))
			.contains("declares 100000 chunks for 10 stored bytes");
		assertThat(refusal(new Manifest(generation, Integer.MAX_VALUE, 16 * MIB, Codecs.NONE, 0), 16 * MIB))
			.contains("chunks of that length number 41 to 82");
		assertThat(refusal(new Manifest(generation, 1, 1L << 31, Codecs.NONE, 0), 16 * MIB))
			.contains("stored length of 2147483648 bytes");
		assertThat(refusal(new Manifest(generation, 1, 0, Codecs.NONE, 0), 16 * MIB)).contains("stored length of 0");
		assertThat(refusal(new Manifest(generation, -1, 10, Codecs.NONE, 0), 16 * MIB)).contains("-1 chunks");
		assertThat(refusal(new Manifest(generation, 1, 10, (byte) 7, 0), 16 * MIB)).contains("unknown codec 7");
		assertThat(refusal(new Manifest(generation, 3, 17 * MIB, Codecs.NONE, 0), 16 * MIB))
			.contains("LevelDbBuilder.maxValueSize");
	}

	private static Manifest decode(Manifest manifest, long max) {
		return Manifest.decode(KEY, "form", manifest.encode(), max);
	}

	private static String refusal(Manifest manifest, long max) {
		try {
			decode(manifest, max);
		}
		catch (StoreFailure ex) {
			assertThat(ex.kind()).isEqualTo(Kind.CORRUPT_ITEM);
			assertThat(ex.getMessage()).contains("626f6d62").contains("'form'");
			return ex.getMessage();
		}
		throw new AssertionError("not refused: " + manifest);
	}

	static byte[] zerosDeflated(long zeros) {
		Deflater deflater = new Deflater(9, true);
		byte[] input = new byte[1 << 20];
		byte[] buffer = new byte[1 << 16];
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (long left = zeros; left > 0;) {
			int n = (int) Math.min(input.length, left);
			deflater.setInput(input, 0, n);
			left -= n;
			while (!deflater.needsInput()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
		}
		deflater.finish();
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	static byte[] manifestForm(byte codec, byte[] generation, int chunks, long length, int crc) {
		return ByteBuffer.allocate(Manifest.ENCODED_BYTES)
			.put(StoredForms.MANIFEST)
			.put(codec)
			.put(generation)
			.putInt(chunks)
			.putLong(length)
			.putInt(crc)
			.array();
	}

}
