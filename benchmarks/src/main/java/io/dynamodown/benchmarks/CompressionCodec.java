package io.dynamodown.benchmarks;

/**
 * One compression candidate, held by one thread and reused from value to value, as the
 * store would hold it.
 */
interface CompressionCodec {

	/**
	 * The most bytes {@link #compress} can write for an input of the given size.
	 * @param rawLength the input size
	 * @return the output buffer size to provide
	 */
	int maxCompressedLength(int rawLength);

	/**
	 * Compresses a whole value.
	 * @param raw the value
	 * @param out a buffer of at least {@link #maxCompressedLength} bytes
	 * @return the number of bytes written to {@code out}
	 */
	int compress(byte[] raw, byte[] out);

	/**
	 * Decompresses a whole value whose size is known (a store keeps it beside the
	 * compressed bytes, or the format carries it).
	 * @param compressed the compressed bytes
	 * @param length how many of them
	 * @param raw a buffer of exactly the value's size
	 */
	void decompress(byte[] compressed, int length, byte[] raw);

}
