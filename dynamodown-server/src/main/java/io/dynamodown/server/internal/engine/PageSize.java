package io.dynamodown.server.internal.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.Bytes;

/**
 * The size DynamoDB counts an item as against the 1 MB that one {@code Query} or
 * {@code Scan} page reads. It is the size of DynamoDB's stored form of the item, not the
 * item size that capacity is charged for: attribute names count one byte each, values
 * carry length prefixes, and the table's sort key is counted with a fixed overhead once
 * for every started 3 KB of the item, as DynamoDB's pages show.
 */
final class PageSize {

	/** The overhead of every item. */
	private static final int ITEM_OVERHEAD = 2;

	/** The stored item is kept in blocks of this size. */
	private static final int BLOCK = 3072;

	/** The overhead of every block, besides a copy of the sort key. */
	private static final int BLOCK_OVERHEAD = 18;

	/** The overhead of a list or a map. */
	private static final int DOCUMENT_OVERHEAD = 3;

	private static final int ONE_BYTE_LENGTH = 128;

	private static final int TWO_BYTE_LENGTH = 16384;

	private PageSize() {
	}

	/**
	 * Returns the size an item counts as against a page.
	 * @param item the item as the page reads it (a table's or an index's)
	 * @param rangeKey the table's sort key attribute, or {@code null} if it has none
	 * @return the size in bytes
	 */
	static long of(Map<String, AttributeValue> item, @Nullable String rangeKey) {
		long size = 0;
		long rangeKeySize = 0;
		for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
			if (attribute.getKey().equals(rangeKey)) {
				rangeKeySize = valueSize(attribute.getValue());
			}
			else {
				size += storedSize(attribute.getValue()) + 1;
			}
		}
		return ITEM_OVERHEAD + size + (1 + (1 + size) / BLOCK) * (BLOCK_OVERHEAD + rangeKeySize);
	}

	private static long storedSize(AttributeValue value) {
		long size = valueSize(value);
		return switch (value.type()) {
			case S -> size + lengthPrefix(size);
			case B, N -> size + 1;
			case SS -> size + value.asStringSet().size() + 1;
			case NS -> size + value.asNumberSet().size() + 1;
			case BS -> size + value.asBinarySet().size() + 1;
			case NULL -> 0;
			default -> size;
		};
	}

	private static long valueSize(AttributeValue value) {
		return switch (value.type()) {
			case S -> value.asString().length();
			case B -> value.asBinary().length();
			case N -> numberSize(value.asNumber());
			case SS -> value.asStringSet().stream().mapToLong(String::length).sum();
			case NS -> value.asNumberSet().stream().mapToLong(PageSize::numberSize).sum();
			case BS -> value.asBinarySet().stream().mapToLong(Bytes::length).sum();
			case NULL, BOOL -> 1;
			case L -> listSize(value.asList());
			case M -> mapSize(value.asMap());
		};
	}

	private static long listSize(List<AttributeValue> elements) {
		long size = DOCUMENT_OVERHEAD;
		for (AttributeValue element : elements) {
			size += 1 + storedSize(element);
		}
		return size;
	}

	private static long mapSize(Map<String, AttributeValue> members) {
		long size = DOCUMENT_OVERHEAD + members.size();
		for (AttributeValue member : members.values()) {
			size += storedSize(member) + 1;
		}
		return size;
	}

	/**
	 * Returns the size of a number in DynamoDB's base-100 form: an exponent byte, a byte
	 * per pair of digits and, for a negative number, a terminator.
	 */
	private static long numberSize(BigDecimal number) {
		if (number.signum() == 0) {
			return 1;
		}
		BigDecimal normalized = number.stripTrailingZeros();
		int digits = normalized.precision();
		// the exponent of the first digit: number = d.ddd * 10^exponent
		int exponent = normalized.precision() - normalized.scale() - 1;
		boolean padded = digits % 2 == 0 && exponent % 2 == 0;
		return 1 + (digits + 1) / 2 + (padded ? 1 : 0) + ((normalized.signum() < 0) ? 1 : 0);
	}

	private static long lengthPrefix(long length) {
		if (length < ONE_BYTE_LENGTH) {
			return 1;
		}
		return (length < TWO_BYTE_LENGTH) ? 2 : 3;
	}

}
