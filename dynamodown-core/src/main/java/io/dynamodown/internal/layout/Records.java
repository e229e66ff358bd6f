package io.dynamodown.internal.layout;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.dynamodown.internal.limit.Limits;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The database's own records, in a sort-key space of their own: sort key = format byte
 * {@code 0x02} followed by the record's name in ASCII (for example {@code descriptor}, or
 * {@code changes/...} for the change feed's checkpoints and leases), on the base hash key
 * (which is also shard 0). No range, clear, size estimate or repair reads them: every
 * range of keys ends below {@code 0x01} ({@link KeyLayout#FORMAT_BYTE}'s space) and the
 * chunk space below {@code 0x02}, so they are left out by their format byte, whatever
 * their name.
 */
public final class Records {

	/** The first byte of every record's sort key. */
	public static final byte FORMAT_BYTE = 0x02;

	private Records() {
	}

	/**
	 * The sort key of a record.
	 * @param name the record's name: 1 to 1023 printable ASCII characters
	 * @return the format byte followed by the name
	 * @throws IllegalArgumentException for a name that is not printable ASCII or too long
	 */
	public static byte[] sortKey(String name) {
		if (name.isEmpty() || name.length() > Limits.MAX_KEY_BYTES
				|| !name.chars().allMatch((c) -> c >= 0x20 && c < 0x7f)) {
			throw new IllegalArgumentException("a record name is 1 to " + Limits.MAX_KEY_BYTES
					+ " printable ASCII characters, was '" + name + "'");
		}
		byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
		byte[] sortKey = new byte[ascii.length + 1];
		sortKey[0] = FORMAT_BYTE;
		System.arraycopy(ascii, 0, sortKey, 1, ascii.length);
		return sortKey;
	}

	/**
	 * The primary key of a record of a database.
	 * @param layout the database's layout
	 * @param name the record's name
	 * @return a mutable map of the partition key (the base hash key) and the sort key
	 */
	public static Map<String, AttributeValue> primaryKey(KeyLayout layout, String name) {
		Map<String, AttributeValue> primaryKey = new HashMap<>(4);
		primaryKey.put(layout.names().hashKey(), layout.partitionKeyValue(0));
		primaryKey.put(layout.names().sortKey(), KeyLayout.binary(sortKey(name)));
		return primaryKey;
	}

}
