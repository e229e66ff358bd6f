package io.dynamodown.server.internal.protocol;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * Answers DynamoDB's JSON 1.0 protocol over HTTP, checking a request in DynamoDB's order:
 * body size, CORS preflight, health check ({@code GET}), method and content type, JSON,
 * target, authentication, empty body; then the executor runs it.
 */
final class ProtocolHandler implements HttpHandler {

	static final String AMZ_JSON = "application/x-amz-json-1.0";

	static final String JSON = "application/json";

	private static final Set<String> JSON_TYPES = Set.of(AMZ_JSON, JSON);

	private static final Logger logger = LoggerFactory.getLogger(ProtocolHandler.class);

	private final Authenticator authenticator;

	private final boolean databasePerAccessKey;

	private final RequestExecutor executor;

	private final int bodyLimit;

	ProtocolHandler(Authenticator authenticator, boolean databasePerAccessKey, RequestExecutor executor,
			int bodyLimit) {
		this.authenticator = authenticator;
		this.databasePerAccessKey = databasePerAccessKey;
		this.executor = executor;
		this.bodyLimit = bodyLimit;
	}

	@Override
	public void handle(HttpExchange exchange) {
		try (exchange) {
			byte[] body = RequestBody.read(exchange, this.bodyLimit);
			if (body == null) {
				// chunked and empty, as DynamoDB answers a body past its limit
				exchange.sendResponseHeaders(413, 0);
				return;
			}
			exchange.getResponseHeaders().set("x-amzn-RequestId", RequestIds.next());
			answer(exchange, body).send(exchange);
		}
		catch (IOException ex) {
			logger.debug("Connection closed before the answer was sent: {}", ex.toString());
		}
	}

	private Answer answer(HttpExchange exchange, byte[] body) {
		Headers headers = exchange.getRequestHeaders();
		String method = exchange.getRequestMethod();
		if (headers.containsKey("Origin")) {
			exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
			if (method.equals("OPTIONS")) {
				return preflight(exchange);
			}
		}
		if (method.equals("GET")) {
			return Answer.HEALTHY;
		}
		String contentType = mediaType(headers.getFirst("Content-Type"));
		if (!method.equals("POST") || (body.length > 0 && !JSON_TYPES.contains(contentType))) {
			return Answer.NOT_FOUND;
		}
		String answerType = AMZ_JSON.equals(contentType) ? AMZ_JSON : JSON;
		try {
			return Answer.json(200, answerType, execute(exchange, body));
		}
		catch (DynamoDbError error) {
			logger.debug("Answered {} {}", error.status(), error.type());
			return Answer.error(error, answerType);
		}
		catch (RuntimeException ex) {
			logger.warn("A request failed inside the server; answered InternalServerError", ex);
			return Answer.error(DynamoDbError.internal("Internal server error"), answerType);
		}
	}

	private Map<String, Object> execute(HttpExchange exchange, byte[] body) {
		Map<String, Object> request = (body.length > 0) ? parse(body) : null;
		Target target = Target.of(exchange.getRequestHeaders().getFirst("X-Amz-Target"), this.executor);
		URI uri = exchange.getRequestURI();
		// a request target such as "*" has no path; it is signed as the root
		String path = Objects.requireNonNullElse(uri.getRawPath(), "/");
		String accessKeyId = this.authenticator.accessKeyId(new SignedRequest(exchange.getRequestMethod(), path,
				uri.getRawQuery(), exchange.getRequestHeaders(), body));
		if (request == null) {
			throw serializationError();
		}
		String account = this.databasePerAccessKey ? accessKeyId : "";
		return this.executor.execute(target.target(), target.operation(), request, account);
	}

	/**
	 * Parses a body that must be a JSON object.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(byte[] body) {
		try {
			if (Json.parse(body) instanceof Map<?, ?> object) {
				return (Map<String, Object>) object;
			}
			throw serializationError();
		}
		catch (MalformedJsonException ex) {
			logger.debug("Body is not JSON: {}", ex.getMessage());
			throw serializationError();
		}
	}

	private static DynamoDbError serializationError() {
		return DynamoDbError.withoutMessage(DynamoDbError.SERVICE, "SerializationException", 400);
	}

	private static Answer preflight(HttpExchange exchange) {
		Headers request = exchange.getRequestHeaders();
		Headers answer = exchange.getResponseHeaders();
		String allowHeaders = request.getFirst("Access-Control-Request-Headers");
		if (allowHeaders != null) {
			answer.set("Access-Control-Allow-Headers", allowHeaders);
		}
		String allowMethod = request.getFirst("Access-Control-Request-Method");
		if (allowMethod != null) {
			answer.set("Access-Control-Allow-Methods", allowMethod);
		}
		answer.set("Access-Control-Max-Age", "172800");
		return Answer.EMPTY;
	}

	/**
	 * Returns the media type of a {@code Content-Type}, without parameters; compared
	 * exactly afterwards, as DynamoDB does.
	 */
	private static String mediaType(@Nullable String contentType) {
		if (contentType == null) {
			return "";
		}
		int semicolon = contentType.indexOf(';');
		return ((semicolon < 0) ? contentType : contentType.substring(0, semicolon)).trim();
	}

}
