package io.dynamodown.server.internal.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Sizes of items and attribute values as DynamoDB counts them for its limits and
 * capacity: attribute names and string values by their UTF-8 bytes, binary values by
 * their bytes, numbers by their significant digits (about one byte per two digits, plus
 * one), {@code NULL} and {@code BOOL} one byte, lists and maps three bytes plus one per
 * element plus their elements.
 */
public final class ItemSize {

	/** DynamoDB's largest item: 400 KB. */
	public static final int MAX_ITEM_SIZE = 400 * 1024;

	private ItemSize() {
	}

	/**
	 * Returns the size of an item: for each attribute, its name's UTF-8 length plus its
	 * value's size.
	 * @param item the item
	 * @return the size in bytes
	 */
	public static long of(Map<String, AttributeValue> item) {
		long size = 0;
		for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
			size += utf8Length(attribute.getKey()) + of(attribute.getValue());
		}
		return size;
	}

	/**
	 * Returns the size of one attribute value.
	 * @param value the value
	 * @return the size in bytes
	 */
	public static long of(AttributeValue value) {
		switch (value.type()) {
			case S:
				return utf8Length(value.asString());
			case N:
				return numberSize(value.asNumber());
			case B:
				return value.asBinary().length();
			case BOOL:
			case NULL:
				return 1;
			case SS: {
				long size = 0;
				for (String element : value.asStringSet()) {
					size += utf8Length(element);
				}
				return size;
			}
			case NS: {
				long size = 0;
				for (BigDecimal element : value.asNumberSet()) {
					size += numberSize(element);
				}
				return size;
			}
			case BS: {
				long size = 0;
				for (Bytes element : value.asBinarySet()) {
					size += element.length();
				}
				return size;
			}
			case L: {
				long size = 3;
				for (AttributeValue element : value.asList()) {
					size += 1 + of(element);
				}
				return size;
			}
			case M: {
				long size = 3;
				for (Map.Entry<String, AttributeValue> entry : value.asMap().entrySet()) {
					size += 1 + utf8Length(entry.getKey()) + of(entry.getValue());
				}
				return size;
			}
			default:
				throw new IllegalStateException(value.type().name());
		}
	}

	/**
	 * Returns the size of a number: one byte, plus one per two significant digits, plus
	 * one when the digits do not pair with the exponent, plus one when negative.
	 * @param number the normalized number
	 * @return the size in bytes
	 */
	static long numberSize(BigDecimal number) {
		if (number.signum() == 0) {
			return 1;
		}
		BigDecimal normalized = number.stripTrailingZeros();
		int digits = normalized.precision();
		// exponent of the leading digit, as in scientific notation
		int exponent = digits - normalized.scale() - 1;
		long size = 1 + (digits + 1) / 2;
		if (digits % 2 == 0 && Math.floorMod(exponent, 2) == 0) {
			size++;
		}
		if (normalized.signum() < 0) {
			size++;
		}
		return size;
	}

	/**
	 * Returns the length of a string in UTF-8 bytes.
	 * @param text the string
	 * @return the number of bytes
	 */
	public static int utf8Length(String text) {
		int bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}
