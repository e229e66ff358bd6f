package io.dynamodown.server.internal.expression;

/**
 * One token of an expression, with where it is in the text so that syntax errors can
 * quote the text near it.
 *
 * @param kind what the token is
 * @param text the token's text
 * @param start index of its first character
 * @param end index after its last character
 */
record Token(Kind kind, String text, int start, int end) {

	/**
	 * What a token is.
	 */
	enum Kind {

		/** A word: a name, a function name or a keyword. */
		WORD,
		/** An expression attribute name such as {@code #a}. */
		NAME,
		/** An expression attribute value such as {@code :a}. */
		VALUE,
		/** Digits, as a list index. */
		NUMBER,
		/** An operator or punctuation. */
		SYMBOL,
		/** A character no expression uses. */
		OTHER,
		/** The end of the text. */
		END

	}

	boolean isSymbol(String symbol) {
		return this.kind == Kind.SYMBOL && this.text.equals(symbol);
	}

	boolean isKeyword(String keyword) {
		return this.kind == Kind.WORD && this.text.equalsIgnoreCase(keyword);
	}

}
