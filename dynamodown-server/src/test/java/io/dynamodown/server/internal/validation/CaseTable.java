package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The cases of one operation, added one line each, with the words of DynamoDB's
 * constraint messages.
 */
final class CaseTable {

	static final String NOT_NULL = "Member must not be null";

	static final String NAME_PATTERN = "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+";

	private final String operation;

	private final List<ValidationCase> cases = new ArrayList<>();

	CaseTable(String operation) {
		this.operation = operation;
	}

	/** A request that must pass. */
	CaseTable valid(String name, String body) {
		return add(name, body, ValidationCase.Outcome.VALID, "");
	}

	/** A request whose types DynamoDB's deserializer rejects with this message. */
	CaseTable serialization(String name, String body, String message) {
		return add(name, body, ValidationCase.Outcome.SERIALIZATION, message);
	}

	/** A request that fails one of the operation's own checks with this message. */
	CaseTable invalid(String name, String body, String message) {
		return add(name, body, ValidationCase.Outcome.VALIDATION, message);
	}

	/** A request that fails these constraints, in this order. */
	CaseTable constraints(String name, String body, String... errors) {
		String message = errors.length + " validation error" + ((errors.length > 1) ? "s" : "") + " detected: "
				+ String.join("; ", errors);
		return add(name, body, ValidationCase.Outcome.VALIDATION, message);
	}

	/** A request that passes every check before the expression check. */
	CaseTable reachesExpressions(String name, String body) {
		return add(name, body, ValidationCase.Outcome.VALIDATION, ValidationCase.EXPRESSIONS_REACHED);
	}

	private CaseTable add(String name, String body, ValidationCase.Outcome outcome, String message) {
		this.cases.add(new ValidationCase(this.operation, name, body, outcome, message));
		return this;
	}

	Stream<ValidationCase> stream() {
		return this.cases.stream();
	}

	/** A constraint error of a present value, as DynamoDB words it. */
	static String error(String value, String path, String words) {
		return "Value '" + value + "' at '" + path + "' failed to satisfy constraint: " + words;
	}

	/** A constraint error of an absent value. */
	static String nullAt(String path) {
		return "Value null at '" + path + "' failed to satisfy constraint: " + NOT_NULL;
	}

	static String minLength(int minimum) {
		return "Member must have length greater than or equal to " + minimum;
	}

	static String maxLength(int maximum) {
		return "Member must have length less than or equal to " + maximum;
	}

	static String atLeast(long minimum) {
		return "Member must have value greater than or equal to " + minimum;
	}

	static String atMost(long maximum) {
		return "Member must have value less than or equal to " + maximum;
	}

	static String oneOf(String... values) {
		return "Member must satisfy enum value set: [" + String.join(", ", values) + "]";
	}

	/** The words of a map's key constraints. */
	static String keys(String... words) {
		return "Map keys must satisfy constraint: [" + Arrays.stream(words).collect(Collectors.joining(", ")) + "]";
	}

	/** The message of a table operation's table name of the wrong length. */
	static String tableNameLength() {
		return "TableName must be at least 3 characters long and at most 255 characters long";
	}

	/** The message of a missing required member of a table operation. */
	static String required(String member) {
		return "The parameter '" + member + "' is required but was not present in the request";
	}

}
