package io.dynamodown.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Real JSON documents for measurements: every object of the {@code properties} array of
 * each {@code META-INF/spring-configuration-metadata.json} on the class path (Spring
 * Boot's own jars), as compact JSON text in UTF-8. The files are read in the order of
 * their jars' file names and the entries in file order, so every run sees the same
 * documents in the same order, whatever the class path order.
 */
final class JsonCorpus {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final String PROPERTIES = "\"properties\":[";

	private static final long SEED = 42;

	private final List<byte[]> entries;

	private JsonCorpus(List<byte[]> entries) {
		this.entries = entries;
	}

	/**
	 * Reads the corpus from the class path of this class's class loader.
	 * @return the corpus
	 * @throws IllegalStateException if no metadata file is on the class path
	 * @throws UncheckedIOException if a file cannot be read
	 */
	static JsonCorpus load() {
		List<URL> files = metadataFiles();
		if (files.isEmpty()) {
			throw new IllegalStateException("No " + METADATA + " on the class path");
		}
		List<byte[]> entries = new ArrayList<>();
		for (URL file : files) {
			for (String entry : propertyEntries(read(file))) {
				entries.add(entry.getBytes(StandardCharsets.UTF_8));
			}
		}
		return new JsonCorpus(Collections.unmodifiableList(entries));
	}

	/**
	 * Each property entry as one document: a compact JSON object.
	 * @return the entries, in corpus order
	 */
	List<byte[]> entries() {
		return this.entries;
	}

	/**
	 * Larger documents: JSON arrays of consecutive entries, each between the two bounds.
	 * Entries are taken in corpus order; an entry that would push the array past
	 * {@code maxBytes} starts the next array, and an array still short of
	 * {@code minBytes} at that point is dropped, as is the short tail.
	 * @param minBytes the smallest size of a document
	 * @param maxBytes the largest size of a document
	 * @return the documents, possibly none if the corpus is smaller than {@code minBytes}
	 */
	List<byte[]> documents(int minBytes, int maxBytes) {
		List<byte[]> documents = new ArrayList<>();
		List<byte[]> current = new ArrayList<>();
		int size = 2;
		for (byte[] entry : this.entries) {
			int added = entry.length + (current.isEmpty() ? 0 : 1);
			if (size + added > maxBytes) {
				current.clear();
				size = 2;
				added = entry.length;
			}
			if (size + added > maxBytes) {
				continue;
			}
			current.add(entry);
			size += added;
			if (size >= minBytes) {
				documents.add(array(current, size));
				current.clear();
				size = 2;
			}
		}
		return Collections.unmodifiableList(documents);
	}

	/**
	 * Incompressible values of the same sizes as the given ones, from a fixed seed.
	 * @param like the values whose sizes to copy
	 * @return random values, one per given value
	 */
	static List<byte[]> randomLike(List<byte[]> like) {
		Random random = new Random(SEED);
		List<byte[]> values = new ArrayList<>(like.size());
		for (byte[] value : like) {
			byte[] bytes = new byte[value.length];
			random.nextBytes(bytes);
			values.add(bytes);
		}
		return Collections.unmodifiableList(values);
	}

	/**
	 * Incompressible values of one size, from a fixed seed.
	 * @param count how many values
	 * @param bytes the size of each
	 * @return the values
	 */
	static List<byte[]> random(int count, int bytes) {
		return randomLike(Collections.nCopies(count, new byte[bytes]));
	}

	/**
	 * The total size of some values.
	 * @param values the values
	 * @return the sum of their lengths
	 */
	static long totalBytes(List<byte[]> values) {
		long total = 0;
		for (byte[] value : values) {
			total += value.length;
		}
		return total;
	}

	private static byte[] array(List<byte[]> entries, int size) {
		byte[] array = new byte[size];
		array[0] = '[';
		int position = 1;
		for (byte[] entry : entries) {
			if (position > 1) {
				array[position++] = ',';
			}
			System.arraycopy(entry, 0, array, position, entry.length);
			position += entry.length;
		}
		array[position] = ']';
		return array;
	}

	private static List<URL> metadataFiles() {
		try {
			List<URL> files = Collections.list(JsonCorpus.class.getClassLoader().getResources(METADATA));
			files.sort(Comparator.comparing(JsonCorpus::jarName));
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String jarName(URL file) {
		String path = file.getPath();
		int end = path.lastIndexOf('!');
		String jar = (end < 0) ? path : path.substring(0, end);
		return jar.substring(jar.lastIndexOf('/') + 1);
	}

	private static String read(URL file) {
		try (InputStream in = file.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/**
	 * The objects of the top-level {@code properties} array, each as compact JSON text.
	 * @param json a metadata file
	 * @return its property entries, in file order
	 */
	static List<String> propertyEntries(String json) {
		String compact = compact(json);
		int start = topLevelKey(compact);
		List<String> entries = new ArrayList<>();
		if (start < 0) {
			return entries;
		}
		int depth = 0;
		int entryStart = -1;
		boolean inString = false;
		for (int i = start; i < compact.length(); i++) {
			char c = compact.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
				continue;
			}
			if (c == '"') {
				inString = true;
			}
			else if (c == '{' || c == '[') {
				if (depth == 0) {
					entryStart = i;
				}
				depth++;
			}
			else if (c == '}' || c == ']') {
				if (depth == 0) {
					break;
				}
				depth--;
				if (depth == 0) {
					entries.add(compact.substring(entryStart, i + 1));
				}
			}
		}
		return entries;
	}

	/**
	 * Where the value of the root object's {@code properties} array starts.
	 */
	private static int topLevelKey(String compact) {
		int depth = 0;
		boolean inString = false;
		for (int i = 0; i < compact.length(); i++) {
			char c = compact.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				if (depth == 1 && compact.startsWith(PROPERTIES, i)) {
					return i + PROPERTIES.length();
				}
				inString = true;
			}
			else if (c == '{' || c == '[') {
				depth++;
			}
			else if (c == '}' || c == ']') {
				depth--;
			}
		}
		return -1;
	}

	/**
	 * The JSON text without whitespace outside strings.
	 */
	private static String compact(String json) {
		StringBuilder compact = new StringBuilder(json.length());
		boolean inString = false;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (inString) {
				compact.append(c);
				if (c == '\\') {
					compact.append(json.charAt(++i));
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (!Character.isWhitespace(c)) {
				compact.append(c);
				inString = (c == '"');
			}
		}
		return compact.toString();
	}

}
