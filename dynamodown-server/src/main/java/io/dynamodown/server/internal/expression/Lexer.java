package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens. Every character ends up in a token, so that the
 * parser, not the lexer, reports what it did not expect, as DynamoDB does.
 */
final class Lexer {

	private static final List<String> SYMBOLS = List.of("<>", "<=", ">=", "<", ">", "=", "(", ")", "[", "]", ",", ".",
			"+", "-");

	private final String text;

	private int position;

	private Lexer(String text) {
		this.text = text;
	}

	static List<Token> tokens(String text) {
		Lexer lexer = new Lexer(text);
		List<Token> tokens = new ArrayList<>();
		Token token;
		do {
			token = lexer.next();
			tokens.add(token);
		}
		while (token.kind() != Token.Kind.END);
		return tokens;
	}

	private Token next() {
		while (this.position < this.text.length() && isSpace(this.text.charAt(this.position))) {
			this.position++;
		}
		int start = this.position;
		if (start == this.text.length()) {
			return new Token(Token.Kind.END, "<EOF>", start, start);
		}
		char first = this.text.charAt(start);
		if (isWordStart(first)) {
			return word(Token.Kind.WORD, start, start + 1);
		}
		if (first == '#') {
			return word(Token.Kind.NAME, start, start + 1);
		}
		if (first == ':') {
			return word(Token.Kind.VALUE, start, start + 1);
		}
		if (isDigit(first)) {
			int end = start + 1;
			while (end < this.text.length() && isDigit(this.text.charAt(end))) {
				end++;
			}
			return token(Token.Kind.NUMBER, start, end);
		}
		for (String symbol : SYMBOLS) {
			if (this.text.startsWith(symbol, start)) {
				return token(Token.Kind.SYMBOL, start, start + symbol.length());
			}
		}
		return token(Token.Kind.OTHER, start, start + Character.charCount(this.text.codePointAt(start)));
	}

	private Token word(Token.Kind kind, int start, int from) {
		int end = from;
		while (end < this.text.length() && isWordPart(this.text.charAt(end))) {
			end++;
		}
		return token(kind, start, end);
	}

	private Token token(Token.Kind kind, int start, int end) {
		this.position = end;
		return new Token(kind, this.text.substring(start, end), start, end);
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n';
	}

	private static boolean isWordStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
	}

	private static boolean isWordPart(char c) {
		return isWordStart(c) || isDigit(c);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
