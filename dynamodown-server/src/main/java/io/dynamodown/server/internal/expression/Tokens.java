package io.dynamodown.server.internal.expression;

import java.util.List;

/**
 * The tokens of one expression as a parser consumes them.
 */
final class Tokens {

	private final String text;

	private final List<Token> tokens;

	private int position;

	Tokens(String text) {
		this.text = text;
		this.tokens = Lexer.tokens(text);
	}

	Token peek() {
		return this.tokens.get(this.position);
	}

	Token peekAfter() {
		return this.tokens.get(Math.min(this.position + 1, this.tokens.size() - 1));
	}

	Token next() {
		Token token = peek();
		if (token.kind() != Token.Kind.END) {
			this.position++;
		}
		return token;
	}

	boolean skipSymbol(String symbol) {
		if (peek().isSymbol(symbol)) {
			next();
			return true;
		}
		return false;
	}

	boolean skipKeyword(String keyword) {
		if (peek().isKeyword(keyword)) {
			next();
			return true;
		}
		return false;
	}

	void expectSymbol(String symbol) {
		if (!skipSymbol(symbol)) {
			throw syntaxError();
		}
	}

	/**
	 * Reads a list index: digits.
	 * @return the index
	 */
	int index() {
		Token token = peek();
		if (token.kind() != Token.Kind.NUMBER || token.text().length() > 9) {
			throw syntaxError();
		}
		next();
		return Integer.parseInt(token.text());
	}

	void expectEnd() {
		if (peek().kind() != Token.Kind.END) {
			throw syntaxError();
		}
	}

	/**
	 * The syntax error at the current token. DynamoDB quotes the token and the text from
	 * the token before it to the token after it.
	 * @return the error to throw
	 */
	InvalidExpression syntaxError() {
		Token token = peek();
		int start = (this.position > 0) ? this.tokens.get(this.position - 1).start() : token.start();
		int end = token.end();
		if (token.kind() != Token.Kind.END) {
			Token after = this.tokens.get(this.position + 1);
			end = (after.kind() != Token.Kind.END) ? after.end() : end;
		}
		else if (this.position > 0) {
			end = this.tokens.get(this.position - 1).end();
		}
		return new InvalidExpression(
				"Syntax error; token: \"" + token.text() + "\", near: \"" + this.text.substring(start, end) + "\"");
	}

}
