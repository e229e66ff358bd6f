package io.dynamodown.server.internal.expression;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.expression.Findings.Kind;
import io.dynamodown.server.internal.expression.Term.PathTerm;
import io.dynamodown.server.internal.model.AttributeValue.Type;

/**
 * The semantic checks of update expressions, with DynamoDB's messages and ranking.
 */
final class UpdateChecks {

	private static final Map<String, Integer> ARITY = Map.of("if_not_exists", 2, "list_append", 2, "+", 2, "-", 2);

	private static final Map<Type, String> OPERAND_TYPES = Map.of(Type.S, "STRING", Type.N, "NUMBER", Type.B, "BINARY",
			Type.NULL, "NULL", Type.BOOL, "BOOLEAN", Type.L, "LIST", Type.M, "MAP");

	private final Findings findings = new Findings();

	private final PathOverlaps overlaps = new PathOverlaps(this.findings);

	void reserved(String name) {
		if (ReservedWords.isReserved(name)) {
			this.findings.record(Kind.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + name);
		}
	}

	void undefinedName(String placeholder) {
		this.findings.record(Kind.NAME,
				"An expression attribute name used in the document path is not defined; attribute name: "
						+ placeholder);
	}

	void undefinedValue(String placeholder) {
		this.findings.record(Kind.VALUE,
				"An expression attribute value used in expression is not defined; attribute value: " + placeholder);
	}

	void sectionRepeated(String section) {
		this.findings.record(Kind.SECTION,
				"The \"" + section + "\" section can only be used once in an update expression;");
	}

	void target(DocumentPath path) {
		if (!this.findings.has(Kind.OVERLAP)) {
			this.overlaps.add(path);
		}
	}

	/**
	 * {@code ADD} takes a number or a set, {@code DELETE} a set.
	 */
	void operand(String action, @Nullable Type type) {
		String name = (type != null) ? OPERAND_TYPES.get(type) : null;
		if (name != null && !(action.equals("ADD") && type == Type.N)) {
			this.findings.record(Kind.OPERAND,
					"Incorrect operand type for operator or function; operator: " + action + ", operand type: " + name);
		}
	}

	/**
	 * Checks a function or arithmetic operator and returns the type of its result, if
	 * known.
	 */
	@Nullable Type function(String name, List<Term> arguments) {
		if (this.findings.has(Kind.UNKNOWN_FUNCTION)) {
			return null;
		}
		Integer arity = ARITY.get(name);
		if (arity == null) {
			this.findings.record(Kind.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
			return null;
		}
		if (this.findings.has(Kind.FUNCTION)) {
			return null;
		}
		if (arity != arguments.size()) {
			functionError("Incorrect number of operands for operator or function; operator or function: " + name
					+ ", number of operands: " + arguments.size());
			return null;
		}
		if (name.equals("if_not_exists")) {
			if (!(arguments.get(0) instanceof PathTerm)) {
				functionError("Operator or function requires a document path; operator or function: " + name);
				return null;
			}
			return arguments.get(1).type();
		}
		Type expected = name.equals("list_append") ? Type.L : Type.N;
		for (Term argument : arguments) {
			Type type = argument.valueType();
			if (type != null && type != expected) {
				functionError("Incorrect operand type for operator or function; operator or function: " + name
						+ ", operand type: " + type.name());
				return null;
			}
		}
		return expected;
	}

	private void functionError(String message) {
		this.findings.record(Kind.FUNCTION, message);
	}

	void throwFirst() {
		this.findings.throwFirst(Kind.RESERVED, Kind.UNKNOWN_FUNCTION, Kind.SECTION, Kind.NAME, Kind.VALUE,
				Kind.OVERLAP, Kind.CONFLICT, Kind.OPERAND, Kind.FUNCTION);
	}

}
