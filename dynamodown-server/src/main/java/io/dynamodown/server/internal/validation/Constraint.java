package io.dynamodown.server.internal.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One constraint of a member, worded as DynamoDB words it after "failed to satisfy
 * constraint: ". Only {@link #notNull()} looks at absent members; the others accept them.
 *
 * @param words the constraint's words, such as "Member must not be null"
 * @param test the test of a present, type-checked value
 * @param checksAbsence whether an absent value fails the constraint
 */
record Constraint(String words, Predicate<Object> test, boolean checksAbsence) {

	/**
	 * Returns whether the value satisfies the constraint.
	 * @param value the type-checked value, or {@code null} when absent
	 * @return whether it does
	 */
	boolean accepts(@Nullable Object value) {
		return (value != null) ? this.test.test(value) : !this.checksAbsence;
	}

	static Constraint notNull() {
		return new Constraint("Member must not be null", (value) -> true, true);
	}

	static Constraint atLeast(long minimum) {
		BigDecimal bound = BigDecimal.valueOf(minimum);
		return new Constraint("Member must have value greater than or equal to " + minimum,
				(value) -> ((BigDecimal) value).compareTo(bound) >= 0, false);
	}

	static Constraint atMost(long maximum) {
		BigDecimal bound = BigDecimal.valueOf(maximum);
		return new Constraint("Member must have value less than or equal to " + maximum,
				(value) -> ((BigDecimal) value).compareTo(bound) <= 0, false);
	}

	static Constraint pattern(String regex) {
		Pattern compiled = Pattern.compile(regex);
		return new Constraint("Member must satisfy regular expression pattern: " + regex,
				(value) -> compiled.matcher((String) value).matches(), false);
	}

	static Constraint minLength(int minimum) {
		return new Constraint("Member must have length greater than or equal to " + minimum,
				(value) -> length(value) >= minimum, false);
	}

	static Constraint maxLength(int maximum) {
		return new Constraint("Member must have length less than or equal to " + maximum,
				(value) -> length(value) <= maximum, false);
	}

	static Constraint oneOf(String... values) {
		List<String> allowed = List.of(values);
		return new Constraint("Member must satisfy enum value set: [" + String.join(", ", allowed) + "]",
				allowed::contains, false);
	}

	private static int length(Object value) {
		if (value instanceof List<?> list) {
			return list.size();
		}
		if (value instanceof Map<?, ?> map) {
			return map.size();
		}
		return value.toString().length();
	}

}
