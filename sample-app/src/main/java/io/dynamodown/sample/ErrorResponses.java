package io.dynamodown.sample;

import io.dynamodown.LevelDbException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns failures into JSON bodies of a code and a message. A client error (400, 413) gets
 * the message that names the limit or the rule, and is logged at DEBUG only; a store
 * failure (503) gets the store's code and a fixed message, because the store's own
 * message may name the DynamoDB endpoint, which is logged at ERROR instead.
 */
@RestControllerAdvice
final class ErrorResponses {

	private static final Logger logger = LoggerFactory.getLogger(ErrorResponses.class);

	/**
	 * Answers a store error: 400 for an invalid key, value or argument, 503 otherwise.
	 * @param ex the error
	 * @return the response
	 */
	@ExceptionHandler
	ResponseEntity<ErrorBody> storeError(LevelDbException ex) {
		switch (ex.code()) {
			case INVALID_KEY, INVALID_VALUE, INVALID_ARGUMENT, BATCH_TOO_LARGE -> {
				return clientError(HttpStatus.BAD_REQUEST, ex.code().name(), messageOf(ex, ex.code().name()));
			}
			default -> {
				logger.error("Store request failed", ex);
				return body(HttpStatus.SERVICE_UNAVAILABLE, ex.code().name(),
						"the store could not complete the request; the server log has the cause");
			}
		}
	}

	/**
	 * Answers a request refused before it reached the store.
	 * @param ex the refusal
	 * @return the response with the refusal's status
	 */
	@ExceptionHandler
	ResponseEntity<ErrorBody> refused(RefusedRequestException ex) {
		return clientError(ex.status(), ex.code().name(), messageOf(ex, ex.code().name()));
	}

	/**
	 * Answers a request parameter of the wrong type, such as a limit that is not a
	 * number.
	 * @param ex the mismatch
	 * @return 400
	 */
	@ExceptionHandler
	ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		return clientError(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", "parameter '" + ex.getName() + "' must be a "
				+ ((type != null) ? type.getSimpleName() : "different type") + ", was '" + ex.getValue() + "'");
	}

	private static String messageOf(Exception ex, String fallback) {
		String message = ex.getMessage();
		return (message != null) ? message : fallback;
	}

	private static ResponseEntity<ErrorBody> clientError(HttpStatus status, String code, String message) {
		logger.debug("Refused with {}: {}", status.value(), message);
		return body(status, code, message);
	}

	private static ResponseEntity<ErrorBody> body(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status).body(new ErrorBody(code, message));
	}

	/**
	 * The JSON body of an error.
	 *
	 * @param code the store's error code
	 * @param message what was refused or failed
	 */
	record ErrorBody(String code, String message) {

	}

}
