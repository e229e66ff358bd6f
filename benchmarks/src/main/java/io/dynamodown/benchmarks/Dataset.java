package io.dynamodown.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Keys and values written by both sides: keys {@code <prefix><8 digits>} in ascending
 * order, values of a fixed size cut from one seeded random block, so both sides write
 * identical bytes.
 *
 * @param keys the keys
 * @param values the values, one per key
 */
record Dataset(List<byte[]> keys, List<byte[]> values) {

	private static final byte[] RANDOM = randomBlock();

	/**
	 * Creates a dataset.
	 * @param prefix the first character of every key
	 * @param size the number of keys
	 * @param valueBytes the size of each value
	 * @return the dataset
	 */
	static Dataset of(char prefix, int size, int valueBytes) {
		List<byte[]> keys = new ArrayList<>(size);
		List<byte[]> values = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			keys.add(String.format("%c%08d", prefix, i).getBytes(StandardCharsets.UTF_8));
			byte[] value = new byte[valueBytes];
			System.arraycopy(RANDOM, (i * 37) % (RANDOM.length - valueBytes), value, 0, valueBytes);
			values.add(value);
		}
		return new Dataset(List.copyOf(keys), List.copyOf(values));
	}

	/**
	 * The number of keys.
	 * @return the size
	 */
	int size() {
		return this.keys.size();
	}

	/**
	 * The first keys and values.
	 * @param count how many
	 * @return a dataset of the first {@code count} entries
	 */
	Dataset first(int count) {
		return new Dataset(this.keys.subList(0, count), this.values.subList(0, count));
	}

	/**
	 * The bytes DynamoDB counts for one item of this dataset under a hash key: attribute
	 * names and values ({@code hkey}, {@code rkey} with its format byte, {@code value}).
	 * @param hashKey the hash key
	 * @return the item size of the first entry
	 */
	long itemBytes(String hashKey) {
		return "hkey".length() + hashKey.getBytes(StandardCharsets.UTF_8).length + "rkey".length() + 1
				+ this.keys.get(0).length + "value".length() + this.values.get(0).length;
	}

	private static byte[] randomBlock() {
		byte[] block = new byte[64 * 1024];
		new Random(42).nextBytes(block);
		return block;
	}

}
