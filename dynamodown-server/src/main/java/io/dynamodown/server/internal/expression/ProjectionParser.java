package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.List;

import io.dynamodown.server.internal.expression.Findings.Kind;

/**
 * Parses a projection expression: a comma-separated list of document paths. Syntax errors
 * stop the parse at once; semantic errors are reported, the highest ranked first, once
 * the whole expression has been read, as DynamoDB does.
 */
final class ProjectionParser {

	private final Tokens tokens;

	private final Placeholders placeholders;

	private final Findings findings = new Findings();

	private ProjectionParser(String expression, Placeholders placeholders) {
		this.tokens = new Tokens(expression);
		this.placeholders = placeholders;
	}

	/**
	 * Parses and checks a projection expression.
	 * @param expression the expression's text, not empty
	 * @param placeholders the request's expression attribute names
	 * @return the projection
	 * @throws InvalidExpression if the expression is invalid
	 */
	static Projection parse(String expression, Placeholders placeholders) {
		ProjectionParser parser = new ProjectionParser(expression, placeholders);
		List<DocumentPath> paths = new ArrayList<>();
		do {
			paths.add(parser.path());
		}
		while (parser.tokens.skipSymbol(","));
		parser.tokens.expectEnd();
		PathOverlaps overlaps = new PathOverlaps(parser.findings);
		for (DocumentPath path : paths) {
			if (!parser.findings.has(Kind.OVERLAP)) {
				overlaps.add(path);
			}
		}
		parser.findings.throwFirst(Kind.RESERVED, Kind.NAME, Kind.OVERLAP, Kind.CONFLICT);
		return new Projection(paths);
	}

	private DocumentPath path() {
		List<Object> elements = new ArrayList<>();
		elements.add(name());
		while (true) {
			if (this.tokens.skipSymbol(".")) {
				elements.add(name());
			}
			else if (this.tokens.skipSymbol("[")) {
				elements.add(this.tokens.index());
				this.tokens.expectSymbol("]");
			}
			else {
				return DocumentPath.of(elements);
			}
		}
	}

	private String name() {
		Token token = this.tokens.peek();
		if (token.kind() == Token.Kind.NAME) {
			this.tokens.next();
			String name = this.placeholders.name(token.text());
			if (name == null) {
				this.findings.record(Kind.NAME,
						"An expression attribute name used in the document path is not defined; attribute name: "
								+ token.text());
				return token.text();
			}
			return name;
		}
		if (token.kind() != Token.Kind.WORD) {
			throw this.tokens.syntaxError();
		}
		this.tokens.next();
		if (ReservedWords.isReserved(token.text())) {
			this.findings.record(Kind.RESERVED,
					"Attribute name is a reserved keyword; reserved keyword: " + token.text());
		}
		return token.text();
	}

}
