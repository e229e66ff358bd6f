package io.dynamodown.server.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * The {@code ClientRequestToken}s of the transactions of the last 10 minutes, with their
 * requests and answers: a repeat of a request gets the first answer without being applied
 * again; another request with a used token is refused.
 */
final class IdempotencyTokens {

	/** How long a token is remembered. */
	static final Duration WINDOW = Duration.ofMinutes(10);

	private final Map<Database, Map<String, Remembered>> tokens = new HashMap<>();

	/**
	 * Returns the answer of an earlier request with the same token, if it is still
	 * remembered. Called under the database's write lock.
	 * @param database the database
	 * @param token the token
	 * @param request the request
	 * @return the earlier answer, or {@code null} if the token is new
	 * @throws DynamoDbError {@code IdempotentParameterMismatchException} if the token was
	 * used with another request
	 */
	synchronized @Nullable Map<String, Object> answerFor(Database database, String token, Map<String, Object> request) {
		Map<String, Remembered> remembered = this.tokens.computeIfAbsent(database, (key) -> new LinkedHashMap<>());
		forgetExpired(remembered, database.now());
		Remembered earlier = remembered.get(token);
		if (earlier == null) {
			return null;
		}
		if (!earlier.request().equals(request)) {
			throw DynamoDbError.of(DynamoDbError.DYNAMODB, "IdempotentParameterMismatchException", 400,
					"The request uses the same client token as a previous, but non-identical request.");
		}
		return earlier.answer();
	}

	/**
	 * Remembers a request's answer under its token.
	 * @param database the database
	 * @param token the token
	 * @param request the request
	 * @param answer its answer
	 */
	synchronized void remember(Database database, String token, Map<String, Object> request,
			Map<String, Object> answer) {
		this.tokens.computeIfAbsent(database, (key) -> new LinkedHashMap<>())
			.put(token, new Remembered(request, answer, database.now().plus(WINDOW)));
	}

	/**
	 * Forgets the tokens whose window has passed. They are kept in the order they were
	 * remembered, which is the order their windows end, so only the expired head is
	 * visited: a transaction costs the same however many tokens are remembered.
	 */
	private static void forgetExpired(Map<String, Remembered> remembered, Instant now) {
		Iterator<Remembered> iterator = remembered.values().iterator();
		while (iterator.hasNext() && !now.isBefore(iterator.next().until())) {
			iterator.remove();
		}
	}

	private record Remembered(Map<String, Object> request, Map<String, Object> answer, Instant until) {
	}

}
