package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.expression.Comparison.Comparator;
import io.dynamodown.server.internal.expression.Term.CallTerm;
import io.dynamodown.server.internal.expression.Term.PathTerm;
import io.dynamodown.server.internal.expression.Term.ValueTerm;
import io.dynamodown.server.internal.model.AttributeValue;

/**
 * Parses a condition, filter or key condition expression by recursive descent: syntax
 * errors stop the parse at once; semantic errors are collected and the highest ranked is
 * reported once the whole expression has been read, as DynamoDB does.
 * <p>
 * Precedence, highest first: comparisons and functions, {@code NOT}, {@code AND},
 * {@code OR}. A parenthesized group may hold a condition or an operand; which one is
 * known only after its closing parenthesis.
 */
final class ConditionParser {

	private static final int MAX_OPERATORS = 300;

	private static final int MAX_IN_OPERANDS = 100;

	private static final List<String> KEYWORDS = List.of("BETWEEN", "IN", "AND", "OR", "NOT");

	private final Tokens tokens;

	private final Placeholders placeholders;

	private final ConditionChecks checks = new ConditionChecks();

	private final Set<String> attributes = new LinkedHashSet<>();

	private final Set<String> nestedAttributes = new LinkedHashSet<>();

	private int operators;

	private ConditionParser(String expression, Placeholders placeholders) {
		this.tokens = new Tokens(expression);
		this.placeholders = placeholders;
	}

	/**
	 * Parses and checks a condition.
	 * @param expression the expression's text, not empty
	 * @param placeholders the request's expression attribute names and values
	 * @return the condition
	 * @throws InvalidExpression if the expression is invalid
	 */
	static ConditionTree parse(String expression, Placeholders placeholders) {
		ConditionParser parser = new ConditionParser(expression, placeholders);
		ConditionNode root = parser.condition(parser.or());
		parser.tokens.expectEnd();
		if (parser.operators > MAX_OPERATORS) {
			parser.checks.tooManyOperators(parser.operators);
		}
		parser.checks.throwFirst();
		return new ConditionTree(root, parser.attributes, parser.nestedAttributes);
	}

	private Parsed or() {
		Parsed first = and();
		if (!this.tokens.peek().isKeyword("OR")) {
			return first;
		}
		List<ConditionNode> parts = new ArrayList<>(List.of(condition(first)));
		while (this.tokens.skipKeyword("OR")) {
			this.operators++;
			parts.add(condition(and()));
		}
		return Parsed.of(new Logical(false, parts));
	}

	private Parsed and() {
		Parsed first = not();
		if (!this.tokens.peek().isKeyword("AND")) {
			return first;
		}
		List<ConditionNode> parts = new ArrayList<>(List.of(condition(first)));
		while (this.tokens.skipKeyword("AND")) {
			this.operators++;
			parts.add(condition(not()));
		}
		return Parsed.of(new Logical(true, parts));
	}

	private Parsed not() {
		if (this.tokens.skipKeyword("NOT")) {
			this.operators++;
			return Parsed.of(new Negation(condition(not())));
		}
		return primary();
	}

	private Parsed primary() {
		if (!this.tokens.skipSymbol("(")) {
			return comparisonOrTerm(operand());
		}
		Parsed inner = or();
		this.tokens.expectSymbol(")");
		if (inner.parenthesized()) {
			this.checks.redundantParentheses();
		}
		Term innerTerm = inner.term();
		if (innerTerm == null) {
			return new Parsed(inner.condition(), null, true);
		}
		Term term = pathContinued(innerTerm);
		if (term != innerTerm || startsComparison()) {
			return comparisonOrTerm(term);
		}
		return new Parsed(null, term, true);
	}

	private boolean startsComparison() {
		Token next = this.tokens.peek();
		return Comparator.of(next) != null || next.isKeyword("BETWEEN") || next.isKeyword("IN");
	}

	private Parsed comparisonOrTerm(Term left) {
		Token next = this.tokens.peek();
		Comparator comparator = Comparator.of(next);
		if (comparator != null) {
			this.tokens.next();
			return Parsed.of(comparison(comparator, left, operandInParentheses().term()));
		}
		if (this.tokens.skipKeyword("BETWEEN")) {
			Term low = operandInParentheses().term();
			if (!this.tokens.skipKeyword("AND")) {
				throw this.tokens.syntaxError();
			}
			return Parsed.of(between(left, low, operandInParentheses().term()));
		}
		if (this.tokens.skipKeyword("IN")) {
			this.tokens.expectSymbol("(");
			List<Term> candidates = arguments();
			this.tokens.expectSymbol(")");
			return Parsed.of(in(left, candidates));
		}
		return new Parsed(null, left, false);
	}

	private ConditionNode comparison(Comparator comparator, Term left, Term right) {
		this.operators++;
		this.checks.operandFunctions(List.of(left, right));
		this.checks.distinct(comparator.symbol(), List.of(left, right));
		this.checks.conditionComplete();
		return new Comparison(comparator, operand(left), operand(right));
	}

	private ConditionNode between(Term value, Term low, Term high) {
		this.operators++;
		this.checks.operandFunctions(List.of(value, low, high));
		this.checks.between(low, high);
		this.checks.conditionComplete();
		return new Between(operand(value), operand(low), operand(high));
	}

	private ConditionNode in(Term value, List<Term> candidates) {
		this.operators++;
		List<Term> all = new ArrayList<>(List.of(value));
		all.addAll(candidates);
		this.checks.operandFunctions(all);
		if (candidates.size() > MAX_IN_OPERANDS) {
			this.checks.tooManyInOperands(candidates.size());
		}
		this.checks.conditionComplete();
		List<Operand> operands = new ArrayList<>();
		candidates.forEach((candidate) -> operands.add(operand(candidate)));
		return new In(operand(value), operands);
	}

	/**
	 * Turns what was parsed where a condition must be into a condition: only a function
	 * call may stand alone.
	 */
	private ConditionNode condition(Parsed parsed) {
		ConditionNode condition = parsed.condition();
		if (condition != null) {
			return condition;
		}
		if (!(parsed.term() instanceof CallTerm)) {
			throw this.tokens.syntaxError();
		}
		CallTerm call = (CallTerm) parsed.term();
		this.checks.conditionFunction(call);
		this.checks.conditionComplete();
		Predicate.Function function = Predicate.Function.named(call.name());
		List<Operand> arguments = new ArrayList<>();
		call.arguments().forEach((argument) -> arguments.add(operand(argument)));
		// Without a valid function a semantic error was recorded and is thrown after
		// parsing: any node will do until then.
		return (function != null) ? new Predicate(function, arguments) : new Logical(true, List.of());
	}

	private Operand operand(Term term) {
		if (term instanceof PathTerm) {
			return ((PathTerm) term).path();
		}
		if (term instanceof ValueTerm) {
			AttributeValue value = ((ValueTerm) term).value();
			return new ValueOperand((value != null) ? value : AttributeValue.NULL);
		}
		CallTerm call = (CallTerm) term;
		// Only size(...) is an operand; anything else was recorded as an error.
		return (call.name().equals("size") && call.arguments().size() == 1)
				? new SizeOperand(operand(call.arguments().get(0))) : new ValueOperand(AttributeValue.NULL);
	}

	private Grouped operandInParentheses() {
		if (!this.tokens.skipSymbol("(")) {
			return new Grouped(operand(), false);
		}
		Grouped inner = operandInParentheses();
		this.tokens.expectSymbol(")");
		if (inner.parenthesized()) {
			this.checks.redundantParentheses();
		}
		Term continued = pathContinued(inner.term());
		return new Grouped(continued, continued == inner.term());
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
		return path();
	}

	private Term call() {
		String name = this.tokens.next().text();
		this.tokens.expectSymbol("(");
		List<Term> arguments = arguments();
		this.tokens.expectSymbol(")");
		this.operators++;
		this.checks.operandFunctions(arguments);
		return new CallTerm(name, arguments, this.checks.function(name, arguments));
	}

	private List<Term> arguments() {
		List<Term> arguments = new ArrayList<>();
		do {
			arguments.add(operandInParentheses().term());
		}
		while (this.tokens.skipSymbol(","));
		return arguments;
	}

	private PathTerm path() {
		List<Object> elements = new ArrayList<>();
		elements.add(pathName());
		return pathElements(elements);
	}

	/**
	 * A path in parentheses may go on after them, as in {@code (a.b).c}.
	 */
	private Term pathContinued(Term term) {
		Token next = this.tokens.peek();
		if (!(term instanceof PathTerm) || !(next.isSymbol(".") || next.isSymbol("["))) {
			return term;
		}
		return pathElements(new ArrayList<>(((PathTerm) term).path().elements()));
	}

	private PathTerm pathElements(List<Object> elements) {
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
				this.attributes.add(path.head());
				if (path.isNested()) {
					this.nestedAttributes.add(path.head());
				}
				return new PathTerm(path);
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
		if (token.kind() != Token.Kind.WORD) {
			return false;
		}
		for (String keyword : KEYWORDS) {
			if (token.isKeyword(keyword)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * What a part of a condition expression turned out to be: a condition or a term, and
	 * whether it was exactly a group in parentheses.
	 */
	private record Parsed(@Nullable ConditionNode condition, @Nullable Term term, boolean parenthesized) {

		static Parsed of(ConditionNode condition) {
			return new Parsed(condition, null, false);
		}

	}

	/**
	 * An operand and whether it was exactly a group in parentheses.
	 */
	private record Grouped(Term term, boolean parenthesized) {

	}

}
