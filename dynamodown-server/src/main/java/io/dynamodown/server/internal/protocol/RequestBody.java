package io.dynamodown.server.internal.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request body up to DynamoDB's limit of 16 MiB, never holding more.
 */
final class RequestBody {

	/** The largest body DynamoDB accepts. */
	static final int LIMIT = 16 * 1024 * 1024;

	private RequestBody() {
	}

	/**
	 * Reads the body of a request.
	 * @param exchange the exchange
	 * @param limit the largest body to accept, in bytes
	 * @return the body, or {@code null} when it is larger than the limit; the rest of
	 * such a body is read and dropped so that the client sees the answer and the
	 * connection stays usable
	 * @throws IOException if the client is gone or sends less than it announced
	 */
	static byte @Nullable [] read(HttpExchange exchange, int limit) throws IOException {
		InputStream in = exchange.getRequestBody();
		long announced = announcedLength(exchange);
		if (announced > limit) {
			in.transferTo(OutputStream.nullOutputStream());
			return null;
		}
		if (announced >= 0) {
			byte[] body = new byte[(int) announced];
			if (in.readNBytes(body, 0, body.length) < body.length) {
				throw new EOFException("Request body ended before its Content-Length");
			}
			return body;
		}
		byte[] body = in.readNBytes(limit + 1);
		if (body.length > limit) {
			in.transferTo(OutputStream.nullOutputStream());
			return null;
		}
		return body;
	}

	/**
	 * Returns the announced length of a body; {@code -1} for a chunked one, whose length
	 * shows only while reading.
	 */
	private static long announcedLength(HttpExchange exchange) {
		String transferEncoding = exchange.getRequestHeaders().getFirst("Transfer-Encoding");
		String contentLength = exchange.getRequestHeaders().getFirst("Content-Length");
		if (transferEncoding != null || contentLength == null) {
			return -1;
		}
		try {
			return Long.parseLong(contentLength.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
