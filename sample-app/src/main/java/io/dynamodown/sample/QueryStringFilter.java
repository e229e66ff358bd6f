package io.dynamodown.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;

import io.dynamodown.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers 400 to a request whose query string is not well-formed percent-encoded UTF-8,
 * before anything parses its parameters. Left to the servlet container, such a parameter
 * fails the request with an exception that is logged at ERROR with its stack trace.
 */
@Component
@Order(QueryStringFilter.ORDER)
final class QueryStringFilter extends OncePerRequestFilter {

	/**
	 * Just after the HTTP observation filter, so that refused requests still count in
	 * {@code http.server.requests}, and before any filter that reads parameters.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	private final HandlerExceptionResolver errors;

	QueryStringFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String invalid = firstInvalidParameter(request.getQueryString());
		if (invalid != null) {
			this.errors.resolveException(request, response, null,
					new RefusedRequestException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_ARGUMENT,
							"query parameter '" + invalid + "' is not well-formed percent-encoded UTF-8"));
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * The first parameter of a query string whose name or value does not decode.
	 * @param query the raw query string
	 * @return the parameter as it was sent, or {@code null} when every one decodes
	 */
	static @Nullable String firstInvalidParameter(@Nullable String query) {
		if (query == null) {
			return null;
		}
		for (String parameter : query.split("&")) {
			int equals = parameter.indexOf('=');
			String name = (equals < 0) ? parameter : parameter.substring(0, equals);
			String value = (equals < 0) ? "" : parameter.substring(equals + 1);
			if (!decodes(name) || !decodes(value)) {
				return name;
			}
		}
		return null;
	}

	private static boolean decodes(String encoded) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '%') {
				int high = (i + 2 < encoded.length()) ? Character.digit(encoded.charAt(i + 1), 16) : -1;
				int low = (high >= 0) ? Character.digit(encoded.charAt(i + 2), 16) : -1;
				if (low < 0) {
					return false;
				}
				bytes.write((high << 4) | low);
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		try {
			StrictUtf8.decode(bytes.toByteArray());
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
