package io.dynamodown.server.internal.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * Renders request values inside DynamoDB's messages: scalars as their text, lists as
 * {@code [a, b]}, structures and maps as compact JSON, numbers as a double's shortest
 * text (DynamoDB's messages show numbers that went through a double).
 */
final class JsonText {

	private JsonText() {
	}

	/**
	 * Renders a value as constraint messages show it.
	 * @param value the value, or {@code null}
	 * @return its text ({@code null} for an absent value)
	 */
	static String value(@Nullable Object value) {
		if (value instanceof List<?> list) {
			StringJoiner joiner = new StringJoiner(", ", "[", "]");
			list.forEach((element) -> joiner.add(value(element)));
			return joiner.toString();
		}
		if (value instanceof Map) {
			return json(value);
		}
		if (value instanceof BigDecimal number) {
			return number(number);
		}
		return String.valueOf(value);
	}

	/**
	 * Renders a value as compact JSON.
	 * @param value the value, or {@code null}
	 * @return the JSON text
	 */
	static String json(@Nullable Object value) {
		StringBuilder out = new StringBuilder();
		appendJson(out, value);
		return out.toString();
	}

	private static void appendJson(StringBuilder out, @Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				appendString(out, String.valueOf(entry.getKey()));
				out.append(':');
				appendJson(out, entry.getValue());
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				appendJson(out, list.get(i));
			}
			out.append(']');
		}
		else if (value instanceof String text) {
			appendString(out, text);
		}
		else if (value instanceof BigDecimal number) {
			out.append(number(number));
		}
		else {
			out.append(value);
		}
	}

	private static void appendString(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/**
	 * Renders a number as a double's shortest text: plain between 1e-7 and 1e21, with an
	 * exponent ({@code 1e+21}) outside.
	 * @param number the number
	 * @return its text
	 */
	static String number(BigDecimal number) {
		double value = number.doubleValue();
		if (Double.isInfinite(value)) {
			return (value > 0) ? "Infinity" : "-Infinity";
		}
		if (value == 0) {
			return "0";
		}
		BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
		double magnitude = Math.abs(value);
		if (magnitude >= 1e-7 && magnitude < 1e21) {
			return shortest.toPlainString();
		}
		String digits = shortest.unscaledValue().abs().toString();
		int exponent = digits.length() - 1 - shortest.scale();
		String mantissa = (digits.length() > 1) ? digits.charAt(0) + "." + digits.substring(1) : digits;
		return ((value < 0) ? "-" : "") + mantissa + "e" + ((exponent >= 0) ? "+" : "") + exponent;
	}

}
