package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.dynamodown.server.internal.error.DynamoDbError;
import org.jspecify.annotations.Nullable;

/**
 * Checks a type-checked request against the constraints of its shape as DynamoDB does:
 * first required members and table names, each reported alone; then every constraint of
 * every member, in the shape's order, collected into one message of at most ten errors
 * ("2 validation errors detected: Value 'x' at 'tableName' failed to satisfy constraint:
 * ...; ..."). Member paths start lower-case and number list elements from one
 * ({@code keySchema.1.member.keyType}).
 */
final class ConstraintChecker {

	private static final int MAX_ERRORS = 10;

	private final List<String> errors = new ArrayList<>();

	private ConstraintChecker() {
	}

	/**
	 * Checks a request.
	 * @param data the type-checked request
	 * @param request the request's shape
	 * @throws DynamoDbError a {@code ValidationException} if a constraint fails
	 */
	static void check(Map<String, Object> data, Shape request) {
		request.members().forEach((name, shape) -> checkRequired(name, data.get(name), shape));
		ConstraintChecker checker = new ConstraintChecker();
		checker.checkMembers(data, request, "");
		if (!checker.errors.isEmpty()) {
			int count = checker.errors.size();
			throw DynamoDbError.validation(count + " validation error" + ((count > 1) ? "s" : "") + " detected: "
					+ String.join("; ", checker.errors));
		}
	}

	private static void checkRequired(String name, @Nullable Object value, Shape shape) {
		if (shape.isRequired() && value == null) {
			throw DynamoDbError
				.validation("The parameter '" + name + "' is required but was not present in the request");
		}
		if (shape.isTableName() && value instanceof String text && (text.length() < 3 || text.length() > 255)) {
			throw DynamoDbError
				.validation(name + " must be at least 3 characters long and at most 255 characters long");
		}
	}

	private void checkMembers(Map<?, ?> data, Shape shape, String parent) {
		shape.members().forEach((name, member) -> checkMember(name, data.get(name), member, parent));
	}

	private void checkMember(String name, @Nullable Object value, Shape shape, String parent) {
		String path = parent.isEmpty() ? lowerFirst(name) : parent + "." + lowerFirst(name);
		for (Constraint constraint : shape.constraints()) {
			if (!constraint.accepts(value)) {
				add(value, path, constraint.words());
			}
		}
		if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
			return;
		}
		if (value instanceof Map<?, ?> map) {
			checkEntries(map, path, shape);
		}
		if (!shape.hasElements()) {
			if (value instanceof Map<?, ?> struct && !shape.members().isEmpty()) {
				checkMembers(struct, shape, path);
			}
			return;
		}
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				checkMember("member", list.get(i), shape.element(), path + "." + (i + 1));
			}
		}
		else {
			((Map<?, ?>) value)
				.forEach((key, element) -> checkMember("member", element, shape.element(), path + "." + key));
		}
	}

	private void checkEntries(Map<?, ?> map, String path, Shape shape) {
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!acceptsAll(shape.keyConstraints(), entry.getKey())) {
				add(map, path, "Map keys must satisfy constraint: [" + words(shape.keyConstraints()) + "]");
			}
		}
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!acceptsAll(shape.valueConstraints(), entry.getValue())) {
				add(map, path, "Map value must satisfy constraint: [" + words(shape.valueConstraints()) + "]");
			}
		}
	}

	private static boolean acceptsAll(List<Constraint> constraints, @Nullable Object value) {
		return constraints.stream().allMatch((constraint) -> constraint.accepts(value));
	}

	private static String words(List<Constraint> constraints) {
		return constraints.stream().map(Constraint::words).collect(Collectors.joining(", "));
	}

	private void add(@Nullable Object value, String path, String words) {
		if (this.errors.size() < MAX_ERRORS) {
			String text = (value != null) ? "'" + JsonText.value(value) + "'" : "null";
			this.errors.add("Value " + text + " at '" + path + "' failed to satisfy constraint: " + words);
		}
	}

	static String lowerFirst(String name) {
		return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

}
