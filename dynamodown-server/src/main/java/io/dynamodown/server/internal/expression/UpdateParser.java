package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.expression.Term.CallTerm;
import io.dynamodown.server.internal.expression.Term.PathTerm;
import io.dynamodown.server.internal.expression.Term.ValueTerm;
import io.dynamodown.server.internal.expression.UpdateAction.AddAction;
import io.dynamodown.server.internal.expression.UpdateAction.DeleteAction;
import io.dynamodown.server.internal.expression.UpdateAction.RemoveAction;
import io.dynamodown.server.internal.expression.UpdateAction.SetAction;
import io.dynamodown.server.internal.model.AttributeValue;

/**
 * Parses an update expression by recursive descent: clauses {@code SET}, {@code REMOVE},
 * {@code ADD} and {@code DELETE} in any order, each a comma-separated list of actions.
 * Syntax errors stop the parse at once; semantic errors are reported, the highest ranked
 * first, once the whole expression has been read, as DynamoDB does.
 */
final class UpdateParser {

	private static final List<String> SECTIONS = List.of("SET", "REMOVE", "ADD", "DELETE");

	private final Tokens tokens;

	private final Placeholders placeholders;

	private final UpdateChecks checks = new UpdateChecks();

	private final Set<String> sections = new LinkedHashSet<>();

	private final Set<String> nestedAttributes = new LinkedHashSet<>();

	private final Map<String, AttributeValue.Type> assignedTypes = new LinkedHashMap<>();

	private final List<Target> targets = new ArrayList<>();

	private UpdateParser(String expression, Placeholders placeholders) {
		this.tokens = new Tokens(expression);
		this.placeholders = placeholders;
	}

	/**
	 * Parses and checks an update expression.
	 * @param expression the expression's text, not empty
	 * @param placeholders the request's expression attribute names and values
	 * @return the update
	 * @throws InvalidExpression if the expression is invalid
	 */
	static Update parse(String expression, Placeholders placeholders) {
		UpdateParser parser = new UpdateParser(expression, placeholders);
		do {
			parser.section();
		}
		while (parser.tokens.peek().kind() != Token.Kind.END);
		parser.checks.throwFirst();
		List<UpdateAction> actions = new ArrayList<>();
		parser.targets.forEach((target) -> actions.add(target.action()));
		return new Update(actions, parser.nestedAttributes, parser.assignedTypes);
	}

	private void section() {
		Token keyword = this.tokens.peek();
		String section = SECTIONS.stream().filter(keyword::isKeyword).findFirst().orElse(null);
		if (section == null) {
			throw this.tokens.syntaxError();
		}
		this.tokens.next();
		do {
			action(section);
		}
		while (this.tokens.skipSymbol(","));
		if (!this.sections.add(section)) {
			this.checks.sectionRepeated(section);
		}
	}

	private void action(String section) {
		DocumentPath path = path();
		Term value = null;
		if (section.equals("SET")) {
			this.tokens.expectSymbol("=");
			value = setValue();
			this.checks.target(path);
		}
		else if (section.equals("REMOVE")) {
			this.checks.target(path);
		}
		else {
			if (this.tokens.peek().kind() != Token.Kind.VALUE) {
				throw this.tokens.syntaxError();
			}
			value = operand();
			this.checks.target(path);
			this.checks.operand(section, value.valueType());
		}
		AttributeValue.Type type = (value != null) ? value.type() : null;
		if (type != null && !path.isNested()) {
			this.assignedTypes.putIfAbsent(path.head(), type);
		}
		this.targets.add(new Target(section, path, value));
	}

	/**
	 * {@code operand}, {@code operand + operand} or {@code operand - operand}, each
	 * operand and the whole in at most one pair of parentheses.
	 */
	private Term setValue() {
		if (!this.tokens.skipSymbol("(")) {
			return arithmetic();
		}
		Term inner = arithmetic();
		this.tokens.expectSymbol(")");
		boolean arithmetic = inner instanceof CallTerm && isOperator(((CallTerm) inner).name());
		return arithmetic ? inner : arithmeticAfter(inner);
	}

	private Term arithmetic() {
		return arithmeticAfter(operandInParentheses());
	}

	private Term arithmeticAfter(Term left) {
		Token next = this.tokens.peek();
		if (!next.isSymbol("+") && !next.isSymbol("-")) {
			return left;
		}
		this.tokens.next();
		List<Term> operands = List.of(left, operandInParentheses());
		return new CallTerm(next.text(), operands, this.checks.function(next.text(), operands));
	}

	private static boolean isOperator(String name) {
		return name.equals("+") || name.equals("-");
	}

	private Term operandInParentheses() {
		if (!this.tokens.skipSymbol("(")) {
			return operand();
		}
		Term operand = operand();
		this.tokens.expectSymbol(")");
		return operand;
	}

	private Term operand() {
		Token token = this.tokens.peek();
		if (token.kind() == Token.Kind.VALUE) {
			this.tokens.next();
			AttributeValue value = this.placeholders.value(token.text());
			if (value == null) {
				this.checks.undefinedValue(token.text());
			}
			return new ValueTerm(value);
		}
		if (isWord(token) && this.tokens.peekAfter().isSymbol("(")) {
			return call();
		}
		return new PathTerm(path());
	}

	private Term call() {
		String name = this.tokens.next().text();
		this.tokens.expectSymbol("(");
		List<Term> arguments = new ArrayList<>();
		do {
			arguments.add(operandInParentheses());
		}
		while (this.tokens.skipSymbol(","));
		this.tokens.expectSymbol(")");
		return new CallTerm(name, arguments, this.checks.function(name, arguments));
	}

	private DocumentPath path() {
		List<Object> elements = new ArrayList<>();
		elements.add(pathName());
		while (true) {
			if (this.tokens.skipSymbol(".")) {
				elements.add(pathName());
			}
			else if (this.tokens.skipSymbol("[")) {
				elements.add(this.tokens.index());
				this.tokens.expectSymbol("]");
			}
			else {
				DocumentPath path = DocumentPath.of(elements);
				if (path.isNested()) {
					this.nestedAttributes.add(path.head());
				}
				return path;
			}
		}
	}

	private String pathName() {
		Token token = this.tokens.peek();
		if (token.kind() == Token.Kind.NAME) {
			this.tokens.next();
			String name = this.placeholders.name(token.text());
			if (name == null) {
				this.checks.undefinedName(token.text());
				return token.text();
			}
			return name;
		}
		if (!isWord(token)) {
			throw this.tokens.syntaxError();
		}
		this.tokens.next();
		this.checks.reserved(token.text());
		return token.text();
	}

	private static boolean isWord(Token token) {
		return token.kind() == Token.Kind.WORD && SECTIONS.stream().noneMatch(token::isKeyword);
	}

	/**
	 * One parsed action, turned into an {@link UpdateAction} once the whole expression
	 * has been checked.
	 */
	private record Target(String section, DocumentPath path, @Nullable Term value) {

		UpdateAction action() {
			switch (this.section) {
				case "SET":
					return new SetAction(this.path, updateValue(term()));
				case "REMOVE":
					return new RemoveAction(this.path);
				case "ADD":
					return new AddAction(this.path, literal(term()), false);
				default:
					return new DeleteAction(this.path, literal(term()), false);
			}
		}

		private Term term() {
			Term term = this.value;
			if (term == null) {
				throw new IllegalStateException("No value for " + this.section);
			}
			return term;
		}

		private static AttributeValue literal(Term term) {
			AttributeValue value = ((ValueTerm) term).value();
			if (value == null) {
				throw new IllegalStateException("Undefined value passed the checks");
			}
			return value;
		}

		private static UpdateValue updateValue(Term term) {
			if (term instanceof PathTerm) {
				return new UpdateValue.PathValue(((PathTerm) term).path());
			}
			if (term instanceof ValueTerm) {
				return new UpdateValue.Literal(literal(term));
			}
			CallTerm call = (CallTerm) term;
			UpdateValue first = updateValue(call.arguments().get(0));
			UpdateValue second = updateValue(call.arguments().get(1));
			switch (call.name()) {
				case "if_not_exists":
					return new UpdateValue.IfNotExists(((PathTerm) call.arguments().get(0)).path(), second);
				case "list_append":
					return new UpdateValue.ListAppend(first, second);
				default:
					return new UpdateValue.Arithmetic(first, second, call.name().equals("-"));
			}
		}

	}

}
