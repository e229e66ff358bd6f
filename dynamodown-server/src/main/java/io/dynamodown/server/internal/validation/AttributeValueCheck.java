package io.dynamodown.server.internal.validation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * DynamoDB's checks of one type-checked attribute value: exactly one data type, numbers
 * within DynamoDB's range and precision, non-empty sets without duplicates, {@code NULL}
 * only {@code true}, and the same for the elements of lists and maps. Numbers are
 * normalized in place ({@code "1.50"} becomes {@code "1.5"}) as DynamoDB keeps them.
 * Empty strings and binaries are left to the engine, which knows which attributes are
 * keys.
 */
public final class AttributeValueCheck {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

	private static final int MAX_EXPONENT = 125;

	private static final int MIN_EXPONENT = -130;

	private static final int MAX_DIGITS = 38;

	private AttributeValueCheck() {
	}

	/**
	 * Checks an attribute value and normalizes its numbers.
	 * @param value the type-checked JSON form of the value ({@code null} counts as empty)
	 * @return DynamoDB's message for the first problem, or {@code null} if the value is
	 * valid
	 */
	@SuppressWarnings("unchecked")
	public static @Nullable String problem(@Nullable Object value) {
		if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
			return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
		}
		for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
			String problem = typeProblem(entry);
			if (problem != null) {
				return problem;
			}
		}
		if (map.size() > 1) {
			return "Supplied AttributeValue has more than one datatypes set, "
					+ "must contain exactly one of the supported datatypes";
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable String typeProblem(Map.Entry<String, Object> entry) {
		Object value = entry.getValue();
		switch (entry.getKey()) {
			case "N": {
				String problem = numberProblem(value);
				if (problem == null) {
					entry.setValue(normalize((String) value));
				}
				return problem;
			}
			case "NULL":
				return Boolean.TRUE.equals(value) ? null
						: INVALID + "Null attribute value types must have the value of true";
			case "SS":
				return setProblem((List<Object>) value, "An string set  may not be empty", "String");
			case "NS":
				return numberSetProblem((List<Object>) value);
			case "BS":
				return setProblem((List<Object>) value, "Binary sets should not be empty", "BS");
			case "M":
				for (Object member : ((Map<String, Object>) value).values()) {
					String problem = problem(member);
					if (problem != null) {
						return problem;
					}
				}
				return null;
			case "L":
				for (Object element : (List<Object>) value) {
					String problem = problem(element);
					if (problem != null) {
						return problem;
					}
				}
				return null;
			default:
				return null;
		}
	}

	private static @Nullable String setProblem(List<Object> set, String emptyMessage, String type) {
		if (set.isEmpty()) {
			return INVALID + emptyMessage;
		}
		if (set.contains(null)) {
			return INVALID + "Set attribute values may not contain null elements";
		}
		if (hasDuplicate(set)) {
			String suffix = type.equals("BS") ? "of type BS contains duplicates." : " contains duplicates.";
			return INVALID + "Input collection " + JsonText.value(set) + suffix;
		}
		return null;
	}

	private static @Nullable String numberSetProblem(List<Object> set) {
		if (set.isEmpty()) {
			return INVALID + "An number set  may not be empty";
		}
		for (int i = 0; i < set.size(); i++) {
			String problem = numberProblem(set.get(i));
			if (problem != null) {
				return problem;
			}
			set.set(i, normalize((String) set.get(i)));
		}
		return hasDuplicate(set) ? "Input collection contains duplicates" : null;
	}

	private static boolean hasDuplicate(List<Object> values) {
		Set<Object> seen = new HashSet<>();
		for (Object value : values) {
			if (!seen.add(value)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Checks the text of a number as DynamoDB does.
	 * @param value the text of the number
	 * @return DynamoDB's message, or {@code null} if the number is valid
	 */
	static @Nullable String numberProblem(@Nullable Object value) {
		if (!(value instanceof String text) || text.isEmpty()) {
			return "The parameter cannot be converted to a numeric value";
		}
		if (!NUMBER.matcher(text).matches()) {
			return "The parameter cannot be converted to a numeric value: " + text;
		}
		BigDecimal number;
		try {
			number = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			// Only an exponent beyond what BigDecimal holds gets here.
			return text.matches(".*[eE]-.*") ? underflow() : overflow();
		}
		if (number.signum() == 0) {
			return null;
		}
		BigDecimal stripped = number.stripTrailingZeros();
		long exponent = (long) stripped.precision() - stripped.scale() - 1;
		if (exponent > MAX_EXPONENT) {
			return overflow();
		}
		if (exponent < MIN_EXPONENT) {
			return underflow();
		}
		return (stripped.precision() > MAX_DIGITS) ? "Attempting to store more than 38 significant digits in a Number"
				: null;
	}

	private static String overflow() {
		return "Number overflow. Attempting to store a number with magnitude larger than supported range";
	}

	private static String underflow() {
		return "Number underflow. Attempting to store a number with magnitude smaller than supported range";
	}

	private static String normalize(String number) {
		BigDecimal value = new BigDecimal(number);
		return (value.signum() == 0) ? "0" : value.stripTrailingZeros().toPlainString();
	}

}
