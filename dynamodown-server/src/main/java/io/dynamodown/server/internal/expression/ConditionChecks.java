package io.dynamodown.server.internal.expression;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.expression.Findings.Kind;
import io.dynamodown.server.internal.expression.Term.CallTerm;
import io.dynamodown.server.internal.expression.Term.PathTerm;
import io.dynamodown.server.internal.expression.Term.ValueTerm;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.AttributeValue.Type;

/**
 * The semantic checks of condition expressions, made as the parser completes each part,
 * with DynamoDB's messages and ranking.
 */
final class ConditionChecks {

	private static final Map<String, Integer> ARITY = Map.of("attribute_exists", 1, "attribute_not_exists", 1,
			"attribute_type", 2, "begins_with", 2, "contains", 2, "size", 1);

	private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M");

	private final Findings findings = new Findings();

	void reserved(String name) {
		if (ReservedWords.isReserved(name)) {
			this.findings.record(Kind.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + name);
		}
	}

	void undefinedName(String placeholder) {
		this.findings.record(Kind.NAME_OR_VALUE,
				"An expression attribute name used in the document path is not defined; attribute name: "
						+ placeholder);
	}

	void undefinedValue(String placeholder) {
		this.findings.record(Kind.NAME_OR_VALUE,
				"An expression attribute value used in expression is not defined; attribute value: " + placeholder);
	}

	void redundantParentheses() {
		this.findings.record(Kind.PARENTHESES, "The expression has redundant parentheses;");
	}

	void tooManyOperators(int count) {
		this.findings.record(Kind.LIMIT, "The expression contains too many operators; operator count: " + count);
	}

	void tooManyInOperands(int count) {
		this.findings.record(Kind.LIMIT,
				"The IN operator is provided with too many operands; number of operands: " + count);
	}

	/**
	 * Checks a function call and returns the type of its result, if known.
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
		if (this.findings.has(Kind.OPERAND)) {
			return null;
		}
		if (arity != arguments.size()) {
			this.findings.record(Kind.OPERAND, "Incorrect number of operands for operator or function; "
					+ "operator or function: " + name + ", number of operands: " + arguments.size());
			return null;
		}
		distinct(name, arguments);
		if (this.findings.has(Kind.FUNCTION)) {
			return null;
		}
		return functionOperands(name, arguments);
	}

	private @Nullable Type functionOperands(String name, List<Term> arguments) {
		switch (name) {
			case "attribute_exists":
			case "attribute_not_exists":
				if (!(arguments.get(0) instanceof PathTerm)) {
					functionError("Operator or function requires a document path; operator or function: " + name);
				}
				return null;
			case "begins_with":
				for (Term argument : arguments) {
					Type type = argument.type();
					if (type != null && type != Type.S && type != Type.B) {
						operandTypeError(name, type.name());
						return null;
					}
				}
				return Type.BOOL;
			case "attribute_type":
				return attributeType(arguments.get(1));
			case "size": {
				Type type = arguments.get(0).type();
				if (type == Type.N || type == Type.BOOL || type == Type.NULL) {
					operandTypeError(name, type.name());
				}
				return Type.N;
			}
			default:
				return Type.BOOL;
		}
	}

	private @Nullable Type attributeType(Term typeName) {
		Type type = typeName.type();
		if (type != Type.S) {
			operandTypeError("attribute_type", (type != null) ? type.name() : "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
			return null;
		}
		AttributeValue value = ((ValueTerm) typeName).value();
		if (value != null && !TYPE_NAMES.contains(value.asString())) {
			functionError("Invalid attribute type name found; type: " + value.asString()
					+ ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
			return null;
		}
		return Type.BOOL;
	}

	private void operandTypeError(String function, String type) {
		functionError("Incorrect operand type for operator or function; operator or function: " + function
				+ ", operand type: " + type);
	}

	private void functionError(String message) {
		this.findings.record(Kind.FUNCTION, message);
	}

	/**
	 * Only {@code size} may be an operand of a comparison or of another function.
	 */
	void operandFunctions(List<Term> operands) {
		if (this.findings.has(Kind.MISUSED_FUNCTION)) {
			return;
		}
		for (Term operand : operands) {
			if (operand instanceof CallTerm && !((CallTerm) operand).name().equals("size")) {
				misused(((CallTerm) operand).name());
				return;
			}
		}
	}

	/**
	 * {@code size} is no condition on its own.
	 */
	void conditionFunction(CallTerm call) {
		if (call.name().equals("size")) {
			misused(call.name());
		}
	}

	private void misused(String function) {
		this.findings.record(Kind.MISUSED_FUNCTION,
				"The function is not allowed to be used this way in an expression; function: " + function);
	}

	void distinct(String operator, List<Term> operands) {
		if (operands.size() == 2 && operands.get(0) instanceof PathTerm && operands.get(0).equals(operands.get(1))) {
			this.findings.record(Kind.DISTINCT,
					"The first operand must be distinct from the remaining operands for this operator or function; "
							+ "operator: " + operator + ", first operand: " + ((PathTerm) operands.get(0)).path());
		}
	}

	void between(Term low, Term high) {
		if (this.findings.has(Kind.FUNCTION) || low.valueType() == null || high.valueType() == null) {
			return;
		}
		AttributeValue lower = ((ValueTerm) low).value();
		AttributeValue upper = ((ValueTerm) high).value();
		if (lower == null || upper == null) {
			return;
		}
		String operands = "lower bound operand: AttributeValue: {" + show(lower) + "}, "
				+ "upper bound operand: AttributeValue: {" + show(upper) + "}";
		if (lower.type() != upper.type()) {
			functionError("The BETWEEN operator requires same data type for lower and upper bounds; " + operands);
		}
		else if (Values.isOrdered(lower.type()) && lower.compareTo(upper) > 0) {
			functionError("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
					+ operands);
		}
	}

	private static String show(AttributeValue value) {
		return value.type().name() + ":" + value.toJson().get(value.type().name());
	}

	/**
	 * A comparison, {@code BETWEEN}, {@code IN} or function condition is complete: the
	 * first one with an error decides which of these errors DynamoDB reports.
	 */
	void conditionComplete() {
		if (this.findings.has(Kind.CONDITION)) {
			return;
		}
		for (Kind kind : List.of(Kind.NAME_OR_VALUE, Kind.OPERAND, Kind.DISTINCT, Kind.FUNCTION)) {
			String message = this.findings.get(kind);
			if (message != null) {
				this.findings.record(Kind.CONDITION, message);
				return;
			}
		}
	}

	void throwFirst() {
		this.findings.throwFirst(Kind.LIMIT, Kind.PARENTHESES, Kind.UNKNOWN_FUNCTION, Kind.MISUSED_FUNCTION,
				Kind.RESERVED, Kind.CONDITION);
	}

}
