package io.dynamodown.benchmarks;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The size of an item as DynamoDB counts it for capacity and its 400 KB limit: for each
 * attribute, the UTF-8 length of its name plus the size of its value (a string's UTF-8
 * length, a binary's length, a number's significant digits packed two to a byte plus one,
 * one byte for a boolean or null).
 */
final class ItemSize {

	private ItemSize() {
	}

	/**
	 * The size of an item.
	 * @param item the item's attributes
	 * @return its size in bytes
	 * @throws IllegalArgumentException for an attribute type the benchmark does not write
	 * (sets, lists, maps)
	 */
	static long of(Map<String, AttributeValue> item) {
		long size = 0;
		for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
			size += utf8(attribute.getKey()) + valueSize(attribute.getKey(), attribute.getValue());
		}
		return size;
	}

	private static long valueSize(String name, AttributeValue value) {
		return switch (value.type()) {
			case S -> utf8(value.s());
			case B -> value.b().asByteArrayUnsafe().length;
			case N -> numberSize(value.n());
			case BOOL, NUL -> 1;
			default -> throw new IllegalArgumentException(
					"attribute '" + name + "' has type " + value.type() + ", which is not sized here");
		};
	}

	/**
	 * DynamoDB stores a number's significant digits two to a byte, plus one byte.
	 */
	private static long numberSize(String number) {
		BigDecimal decimal = new BigDecimal(number).stripTrailingZeros();
		int digits = decimal.unscaledValue().abs().toString().length();
		return (digits + 1) / 2 + 1;
	}

	private static long utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
