package io.dynamodown.sample;

import io.dynamodown.LevelDbException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Turns failures into JSON bodies of a code and a message. A client error (any 4xx: a
 * refused key or value, a malformed query string or multipart body, an unknown path, a
 * method not supported) gets the message that names the limit or the rule, and is logged
 * at DEBUG only; a store failure (503) gets the store's code and a fixed message, because
 * the store's own message may name the DynamoDB endpoint, which is logged at ERROR
 * instead; a stored item the store cannot read (500, {@code CORRUPT_ITEM}) gets the
 * store's message, which names the key, and is logged at WARN.
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
			case CORRUPT_ITEM -> {
				logger.warn("Stored item cannot be read: {}", ex.getMessage());
				return body(HttpStatus.INTERNAL_SERVER_ERROR, ex.code().name(), messageOf(ex, ex.code().name()));
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

	/**
	 * Answers a body that announces multipart content and is not well-formed multipart.
	 * @param ex the parse failure
	 * @return 400, or 413 for a part over the server's upload limit
	 */
	@ExceptionHandler
	ResponseEntity<ErrorBody> malformedMultipart(MultipartException ex) {
		if (ex instanceof MaxUploadSizeExceededException) {
			return clientError(HttpStatus.CONTENT_TOO_LARGE, "INVALID_VALUE",
					"the request body is over the upload limit");
		}
		return clientError(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT",
				"the request body announces multipart content and is not well-formed multipart");
	}

	/**
	 * Answers a query string the servlet container cannot parse into parameters, such as
	 * a parameter without a name.
	 * @param ex the parse failure
	 * @return 400
	 */
	@ExceptionHandler
	ResponseEntity<ErrorBody> malformedParameters(InvalidParameterException ex) {
		return clientError(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT",
				"the query string is not well-formed: every parameter needs a name");
	}

	/**
	 * Answers the other failures of Spring MVC: a client error (no such path, a method or
	 * media type not supported, a missing or unreadable parameter or body) with its 4xx
	 * status, named by the status, at DEBUG; anything else with 500 and a fixed message,
	 * logged at ERROR.
	 * @param ex the failure
	 * @return the response
	 */
	@ExceptionHandler
	ResponseEntity<ErrorBody> other(Exception ex) {
		HttpStatusCode status = (ex instanceof ErrorResponse response) ? response.getStatusCode()
				: (ex instanceof HttpMessageNotReadableException) ? HttpStatus.BAD_REQUEST : null;
		if (status != null && status.is4xxClientError()) {
			HttpStatus known = HttpStatus.resolve(status.value());
			String code = (known != null) ? known.name() : "CLIENT_ERROR";
			String detail = (ex instanceof ErrorResponse response) ? response.getBody().getDetail() : null;
			return clientError(status, code, (detail != null) ? detail : code);
		}
		logger.error("Request failed", ex);
		return body(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
				"the server could not complete the request; the server log has the cause");
	}

	private static String messageOf(Exception ex, String fallback) {
		String message = ex.getMessage();
		return (message != null) ? message : fallback;
	}

	private static ResponseEntity<ErrorBody> clientError(HttpStatusCode status, String code, String message) {
		logger.debug("Refused with {}: {}", status.value(), message);
		return body(status, code, message);
	}

	private static ResponseEntity<ErrorBody> body(HttpStatusCode status, String code, String message) {
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
