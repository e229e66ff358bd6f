package io.dynamodown.sample;

import io.dynamodown.ErrorCode;

import org.springframework.http.HttpStatus;

/**
 * A request the application refuses before it reaches the store, with the HTTP status to
 * answer and the store's error code that says why.
 */
final class RefusedRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	private final ErrorCode code;

	RefusedRequestException(HttpStatus status, ErrorCode code, String message) {
		super(message);
		this.status = status;
		this.code = code;
	}

	HttpStatus status() {
		return this.status;
	}

	ErrorCode code() {
		return this.code;
	}

}
