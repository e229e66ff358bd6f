package io.dynamodown.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One dataset of the capacity benchmark: values stored under keys {@code k00000000},
 * {@code k00000001}, ... (ascending, so a scan returns them in this order), and whether
 * the raw SDK side can store them at all (no item may pass 400 KB).
 *
 * @param name the dataset's name in the table
 * @param values the values
 * @param rawSide whether the raw SDK stores the dataset too
 */
record CapacityDataset(String name, List<byte[]> values, boolean rawSide) {

	/** One large value: {@value} bytes, more than two DynamoDB items hold. */
	private static final int LARGE = 1024 * 1024;

	private static final int LARGE_COUNT = 3;

	/** A large JSON value that still needs chunks compressed: {@value} bytes. */
	private static final int LARGER = 4 * 1024 * 1024;

	private static final int LARGER_COUNT = 2;

	/**
	 * The datasets: (a) every JSON entry as one value, (b) JSON documents of 2 to 8 KB
	 * (cut as soon as they pass 2 KB, so mostly just above it), (b') documents of 6 to 8
	 * KB (above the 4 KB of one read unit), (c), (d) and (d') random bytes of exactly the
	 * sizes of (a), (b) and (b'), (e) a few values of 1 MiB, JSON and random, which only
	 * dynamodown can store.
	 * @param corpus the JSON corpus
	 * @return the datasets, in that order
	 */
	static List<CapacityDataset> all(JsonCorpus corpus) {
		List<byte[]> entries = corpus.entries();
		List<byte[]> documents = corpus.documents(2 * 1024, 8 * 1024);
		List<byte[]> largerDocuments = corpus.documents(6 * 1024, 8 * 1024);
		return List.of(new CapacityDataset("(a) JSON entries", entries, true),
				new CapacityDataset("(b) JSON 2-8 KB", documents, true),
				new CapacityDataset("(b') JSON 6-8 KB", largerDocuments, true),
				new CapacityDataset("(c) random, sizes of (a)", JsonCorpus.randomLike(entries), true),
				new CapacityDataset("(d) random, sizes of (b)", JsonCorpus.randomLike(documents), true),
				new CapacityDataset("(d') random, sizes of (b')", JsonCorpus.randomLike(largerDocuments), true),
				new CapacityDataset("(e) JSON 1 MiB", jsonArrays(entries, LARGE_COUNT, LARGE), false),
				new CapacityDataset("(e) random 1 MiB", JsonCorpus.random(LARGE_COUNT, LARGE), false),
				new CapacityDataset("(e) JSON 4 MiB", jsonArrays(entries, LARGER_COUNT, LARGER), false));
	}

	/**
	 * JSON arrays of one size, each starting at another entry (evenly spread over the
	 * corpus).
	 */
	private static List<byte[]> jsonArrays(List<byte[]> entries, int count, int maxBytes) {
		List<byte[]> arrays = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			arrays.add(jsonArray(entries, i * entries.size() / count, maxBytes));
		}
		return Collections.unmodifiableList(arrays);
	}

	/**
	 * A JSON array of consecutive entries, starting at one and wrapping around to the
	 * first after the last, as long as the next entry fits.
	 * @param entries the entries, each a JSON value
	 * @param first the index of the first entry
	 * @param maxBytes the largest size of the array
	 * @return the array in UTF-8, at most {@code maxBytes} and more than {@code maxBytes}
	 * less the longest entry and a comma
	 * @throws IllegalArgumentException if no entry fits or there are none
	 */
	static byte[] jsonArray(List<byte[]> entries, int first, int maxBytes) {
		if (entries.isEmpty()) {
			throw new IllegalArgumentException("no entries to build a JSON array from");
		}
		byte[] array = new byte[maxBytes];
		array[0] = '[';
		int position = 1;
		for (int i = first;; i++) {
			byte[] entry = entries.get(i % entries.size());
			int separator = (position > 1) ? 1 : 0;
			if (position + separator + entry.length + 1 > maxBytes) {
				break;
			}
			if (separator == 1) {
				array[position++] = ',';
			}
			System.arraycopy(entry, 0, array, position, entry.length);
			position += entry.length;
		}
		if (position == 1) {
			throw new IllegalArgumentException("no entry fits in " + maxBytes + " bytes");
		}
		array[position++] = ']';
		return Arrays.copyOf(array, position);
	}

	/**
	 * The key of a value.
	 * @param index the value's index
	 * @return its key
	 */
	static byte[] key(int index) {
		return String.format("k%08d", index).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The total size of the values.
	 * @return bytes
	 */
	long bytes() {
		return JsonCorpus.totalBytes(this.values);
	}

}
