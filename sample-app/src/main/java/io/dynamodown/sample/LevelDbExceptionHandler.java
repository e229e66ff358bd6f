package io.dynamodown.sample;

import java.util.Map;

import io.dynamodown.LevelDbException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers invalid keys, values and options with 400 and the store's message.
 */
@RestControllerAdvice
public class LevelDbExceptionHandler {

	/**
	 * Maps a store error to a response.
	 * @param ex the error
	 * @return 400 for invalid input, 503 otherwise
	 */
	@ExceptionHandler
	public ResponseEntity<Map<String, String>> handle(LevelDbException ex) {
		HttpStatus status = switch (ex.code()) {
			case INVALID_KEY, INVALID_VALUE, INVALID_ARGUMENT, BATCH_TOO_LARGE -> HttpStatus.BAD_REQUEST;
			default -> HttpStatus.SERVICE_UNAVAILABLE;
		};
		return ResponseEntity.status(status).body(Map.of("code", ex.code().name(), "message", ex.getMessage()));
	}

}
