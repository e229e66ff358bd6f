package io.dynamodown.server.internal.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The parts of an HTTP request that Signature Version 4 covers.
 *
 * @param method the HTTP method
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query string as sent, or {@code null} when there is none
 * @param headers the request headers (names are case-insensitive)
 * @param body the request body
 */
public record SignedRequest(String method, String rawPath, @Nullable String rawQuery, Headers headers, byte[] body) {

	/**
	 * Returns the first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the request does not have the header
	 */
	public @Nullable String header(String name) {
		return this.headers.getFirst(name);
	}

	/**
	 * Returns the parameters of the query string, percent-decoded, in their order.
	 * @return the parameters; a name without {@code =} has the empty value
	 */
	public List<Map.Entry<String, String>> queryParameters() {
		List<Map.Entry<String, String>> parameters = new ArrayList<>();
		if (this.rawQuery == null || this.rawQuery.isEmpty()) {
			return parameters;
		}
		for (String pair : this.rawQuery.split("&")) {
			if (!pair.isEmpty()) {
				int equals = pair.indexOf('=');
				String name = (equals < 0) ? pair : pair.substring(0, equals);
				String value = (equals < 0) ? "" : pair.substring(equals + 1);
				parameters.add(Map.entry(decode(name), decode(value)));
			}
		}
		return parameters;
	}

	private static String decode(String encoded) {
		try {
			return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// a stray '%' is kept as sent, as lenient query parsers do
			return encoded;
		}
	}

}
