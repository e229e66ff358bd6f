package io.dynamodown.internal.value;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32C;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.limit.Limits;

/**
 * What a key's item holds instead of a value too large for one item: the generation whose
 * chunk items hold the stored bytes, how many chunks there are, the stored length, the
 * codec and a CRC-32C of the stored bytes. A generation is written once and never
 * changed, so a reader that finds all of its chunks has the whole value, and one that
 * misses a chunk knows the key was written again since.
 *
 * @param generation 16 bytes: the epoch millisecond the write began, then 8 random bytes
 * @param chunks the number of chunk items
 * @param storedLength the length of the stored bytes
 * @param codec the codec id of the stored bytes
 * @param crc the CRC-32C of the stored bytes
 */
public record Manifest(byte[] generation, int chunks, long storedLength, byte codec, int crc) {

	/** The length of a generation id. */
	public static final int GENERATION_BYTES = 16;

	/**
	 * The fewest bytes a chunk other than the last holds, whatever the attribute names,
	 * hash key and owning key take of its item.
	 */
	public static final int MIN_CHUNK_FILL = Limits.MAX_ITEM_BYTES / 2;

	/** The length of an encoded manifest. */
	public static final int ENCODED_BYTES = 1 + 1 + GENERATION_BYTES + 4 + 8 + 4;

	/**
	 * Creates a manifest.
	 * @param generation the generation id
	 * @param chunks the number of chunks
	 * @param storedLength the stored length
	 * @param codec the codec id
	 * @param crc the CRC-32C of the stored bytes
	 */
	public Manifest {
		Objects.requireNonNull(generation, "'generation' must not be null");
	}

	/**
	 * A fresh generation id.
	 * @param epochMillis the epoch millisecond the write begins
	 * @return 16 bytes that sort by time, then at random
	 */
	public static byte[] newGeneration(long epochMillis) {
		return ByteBuffer.allocate(GENERATION_BYTES)
			.putLong(epochMillis)
			.putLong(ThreadLocalRandom.current().nextLong())
			.array();
	}

	/**
	 * The epoch millisecond a generation was begun.
	 * @param generation the generation id
	 * @return its epoch millisecond
	 */
	public static long epochMillisOf(byte[] generation) {
		return ByteBuffer.wrap(generation).getLong();
	}

	/**
	 * The CRC-32C of stored bytes.
	 * @param stored the stored bytes
	 * @return the checksum
	 */
	public static int crcOf(byte[] stored) {
		CRC32C crc = new CRC32C();
		crc.update(stored);
		return (int) crc.getValue();
	}

	/**
	 * The form attribute that names this manifest.
	 * @return the encoded manifest
	 */
	public byte[] encode() {
		return ByteBuffer.allocate(ENCODED_BYTES)
			.put(StoredForms.MANIFEST)
			.put(this.codec)
			.put(this.generation)
			.putInt(this.chunks)
			.putLong(this.storedLength)
			.putInt(this.crc)
			.array();
	}

	/**
	 * Reads a manifest from its form attribute and checks it before any chunk is read: a
	 * known codec, a stored length of 1 to {@code maxValueBytes} bytes, and a chunk count
	 * that chunks filled as this store fills them can have (each chunk but the last holds
	 * at least {@value #MIN_CHUNK_FILL} bytes, none more than an item), so that a
	 * manifest cannot make a read send more requests than its stored length needs.
	 * @param key the full key whose item holds it, for the message
	 * @param attribute the form attribute's name, for the message
	 * @param form the form attribute, starting with {@link StoredForms#MANIFEST}
	 * @param maxValueBytes the largest stored value the store reads
	 * @return the manifest
	 * @throws StoreFailure {@link Kind#CORRUPT_ITEM} when the attribute is not a manifest
	 * of this version or breaks one of these rules
	 */
	public static Manifest decode(byte[] key, String attribute, byte[] form, long maxValueBytes) {
		if (form.length != ENCODED_BYTES || form[0] != StoredForms.MANIFEST) {
			throw StoreFailure.corrupt(key, attribute, "holds a chunk manifest of " + form.length
					+ " bytes; this version reads manifests of " + ENCODED_BYTES);
		}
		ByteBuffer buffer = ByteBuffer.wrap(form, 1, form.length - 1);
		byte codec = buffer.get();
		byte[] generation = new byte[GENERATION_BYTES];
		buffer.get(generation);
		int chunks = buffer.getInt();
		long storedLength = buffer.getLong();
		int crc = buffer.getInt();
		if (codec != Codecs.NONE && codec != Codecs.DEFLATE) {
			throw StoreFailure.corrupt(key, attribute, "names the unknown codec " + codec);
		}
		if (storedLength < 1 || storedLength > maxValueBytes) {
			throw StoreFailure.corrupt(key, attribute, "declares a stored length of " + storedLength
					+ " bytes; the store reads 1 to " + maxValueBytes + " (LevelDbBuilder.maxValueSize)");
		}
		long fewest = (storedLength + Limits.MAX_ITEM_BYTES - 1) / Limits.MAX_ITEM_BYTES;
		long most = (storedLength + MIN_CHUNK_FILL - 1) / MIN_CHUNK_FILL;
		if (chunks < fewest || chunks > most) {
			throw StoreFailure.corrupt(key, attribute, "declares " + chunks + " chunks for " + storedLength
					+ " stored bytes; chunks of that length number " + fewest + " to " + most);
		}
		return new Manifest(generation, chunks, storedLength, codec, crc);
	}

	/**
	 * Whether another manifest names the same generation.
	 * @param other the other manifest
	 * @return {@code true} for the same generation id
	 */
	public boolean sameGeneration(Manifest other) {
		return Arrays.equals(this.generation, other.generation);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Manifest manifest && sameGeneration(manifest) && this.chunks == manifest.chunks
				&& this.storedLength == manifest.storedLength && this.codec == manifest.codec
				&& this.crc == manifest.crc;
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.generation);
	}

	@Override
	public String toString() {
		return "Manifest[generation=" + HexFormat.of().formatHex(this.generation) + ", chunks=" + this.chunks
				+ ", storedLength=" + this.storedLength + ", codec=" + this.codec + "]";
	}

}
