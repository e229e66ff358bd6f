package io.dynamodown.internal.value;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.table.AttributeNames;
import org.jspecify.annotations.Nullable;

/**
 * The form attribute, which says how to read an item. An item without one holds its value
 * as it is in the value attribute: every item written before values were compressed or
 * chunked, and every value that compression would not have made smaller. Otherwise its
 * first byte says what the item is:
 * <ul>
 * <li>a codec id ({@code 0x01}–{@code 0x3F}), alone: the value attribute holds the value
 * compressed with that codec;</li>
 * <li>{@link #CHUNK} followed by the owning key: a chunk item of a large value;</li>
 * <li>{@link #MANIFEST}: a {@link Manifest} (the value is in chunk items, and the item
 * has no value attribute).</li>
 * </ul>
 */
public final class StoredForms {

	/** The first byte of a chunk item's form. */
	public static final byte CHUNK = 0x40;

	/** The first byte of a manifest. */
	public static final byte MANIFEST = (byte) 0x80;

	private StoredForms() {
	}

	/**
	 * The form of a value stored inline.
	 * @param codec the codec id of the stored bytes
	 * @return {@code null} for {@link Codecs#NONE} (no form attribute), else the one byte
	 * naming the codec
	 */
	public static byte @Nullable [] inline(byte codec) {
		return (codec == Codecs.NONE) ? null : new byte[] { codec };
	}

	/**
	 * Reads an item's value as it is stored.
	 * @param key the full key, for the message
	 * @param names the attribute names, for the message
	 * @param value the value attribute, or {@code null} when the item has none
	 * @param form the form attribute, or {@code null} when the item has none
	 * @param maxValueBytes the largest stored value the store reads
	 * @return the inline stored value, or the manifest of a chunked one
	 * @throws StoreFailure {@link Kind#CORRUPT_ITEM} for a form this version cannot read,
	 * a manifest that breaks its rules ({@link Manifest#decode}), or an inline value
	 * without a value attribute
	 */
	public static Stored read(byte[] key, AttributeNames names, byte @Nullable [] value, byte @Nullable [] form,
			long maxValueBytes) {
		if (form != null && form.length > 0 && form[0] == MANIFEST) {
			return new Stored.Chunked(Manifest.decode(key, names.form(), form, maxValueBytes));
		}
		if (form != null && (form.length != 1 || form[0] <= 0 || form[0] >= CHUNK)) {
			throw StoreFailure.corrupt(key, names.form(), "holds " + form.length + " bytes"
					+ ((form.length > 0) ? " starting with " + (form[0] & 0xFF) : "")
					+ ", a form this version cannot read (written by a newer version of dynamodown, or not by it)");
		}
		if (value == null) {
			throw StoreFailure.corrupt(key, names.value(), "is missing from an item that holds its value inline");
		}
		return new Stored.Inline((form != null) ? new StoredValue(value, form[0]) : StoredValue.plain(value));
	}

	/**
	 * A key's value as it is stored: inline, or chunked.
	 */
	public sealed interface Stored permits Stored.Inline, Stored.Chunked {

		/**
		 * A value held by the key's item.
		 *
		 * @param value the stored value
		 */
		record Inline(StoredValue value) implements Stored {

		}

		/**
		 * A value held by chunk items.
		 *
		 * @param manifest the manifest naming them
		 */
		record Chunked(Manifest manifest) implements Stored {

		}

	}

}
