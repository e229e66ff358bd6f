package io.dynamodown.server.internal.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * One HTTP answer: status, content type and body, sent with the {@code Content-Length}
 * and the {@code x-amz-crc32} (CRC32 of the body) that DynamoDB's answers carry.
 *
 * @param status the HTTP status
 * @param contentType the content type, or {@code null} for none
 * @param body the body
 */
record Answer(int status, @Nullable String contentType, byte[] body) {

	/** The answer to {@code GET}, whatever the path. */
	static final Answer HEALTHY = new Answer(200, null,
			"healthy: dynamodb.us-east-1.amazonaws.com ".getBytes(StandardCharsets.US_ASCII));

	/** The answer to a request that is not a JSON {@code POST}. */
	static final Answer NOT_FOUND = new Answer(404, null,
			"<UnknownOperationException/>\n".getBytes(StandardCharsets.US_ASCII));

	/** The answer to a CORS preflight request. */
	static final Answer EMPTY = new Answer(200, null, new byte[0]);

	/**
	 * A JSON answer.
	 * @param status the status
	 * @param contentType the content type, the request's JSON type
	 * @param body the JSON body
	 * @return the answer
	 */
	static Answer json(int status, String contentType, Map<String, Object> body) {
		return new Answer(status, contentType, Json.write(body));
	}

	/**
	 * The answer to an error: {@code __type}, the message member when the error has one,
	 * and the error's extra members.
	 * @param error the error
	 * @param contentType the content type, the request's JSON type
	 * @return the answer
	 */
	static Answer error(DynamoDbError error, String contentType) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("__type", error.qualifiedType());
		if (error.hasMessage()) {
			body.put(error.messageMember(), error.getMessage());
		}
		body.putAll(error.extra());
		return json(error.status(), contentType, body);
	}

	/**
	 * Sends this answer and ends the exchange's response.
	 * @param exchange the exchange
	 * @throws IOException if the client is gone
	 */
	void send(HttpExchange exchange) throws IOException {
		if (this.contentType != null) {
			exchange.getResponseHeaders().set("Content-Type", this.contentType);
		}
		if (this.body.length > 0) {
			CRC32 crc = new CRC32();
			crc.update(this.body);
			exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
		}
		// a HEAD answer has no body; the server refuses a length for one
		boolean withBody = this.body.length > 0 && !"HEAD".equals(exchange.getRequestMethod());
		exchange.sendResponseHeaders(this.status, withBody ? this.body.length : -1);
		if (withBody) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(this.body);
			}
		}
	}

}
